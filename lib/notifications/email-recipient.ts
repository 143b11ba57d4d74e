import "server-only";
import { getConfig } from "@/lib/config";
import type { Tx } from "@/lib/db/transaction";

/** Who a customer email about a card goes to, with the merchant's branding: only a customer who may be emailed. */
export type EmailRecipient = {
  to: string;
  customerId: string;
  customerName: string | null;
  locale: string;
  merchantId: string;
  merchantName: string;
  brandColor: string;
  logoUrl: string | null;
  cardName: string;
  cardUrl: string;
};

export const RECIPIENT_CARD_SELECT = {
  id: true,
  merchantId: true,
  pageToken: true,
  customer: { select: { id: true, name: true, email: true, emailConsent: true, erasedAt: true, locale: true } },
  merchant: { select: { name: true } },
  program: { select: { id: true, cardName: true, backgroundColor: true, logoMimeType: true, updatedAt: true } },
} as const;

type RecipientCard = {
  merchantId: string;
  pageToken: string;
  customer: { id: string; name: string | null; email: string | null; emailConsent: boolean; erasedAt: Date | null; locale: string };
  merchant: { name: string };
  program: { id: string; cardName: string; backgroundColor: string; logoMimeType: string | null; updatedAt: Date };
};

/** The recipient of a card's emails, or null without an address, without consent, or once the customer erased their data. */
export function emailRecipientOf(card: RecipientCard): EmailRecipient | null {
  const { customer, program } = card;
  if (!customer.email || !customer.emailConsent || customer.erasedAt) return null;
  const publicUrl = getConfig().publicUrl;
  return {
    to: customer.email,
    customerId: customer.id,
    customerName: customer.name,
    locale: customer.locale,
    merchantId: card.merchantId,
    merchantName: card.merchant.name,
    brandColor: program.backgroundColor,
    logoUrl: program.logoMimeType ? `${publicUrl}/api/v1/loyalty/logos/${program.id}?v=${program.updatedAt.getTime()}` : null,
    cardName: program.cardName,
    cardUrl: `${publicUrl}/card/${card.pageToken}`,
  };
}

/** Loads a card of the merchant and its recipient (null when the card is gone or its customer may not be emailed). */
export async function loadEmailRecipient(tx: Tx, merchantId: string, cardId: string): Promise<EmailRecipient | null> {
  const card = await tx.card.findFirst({ where: { id: cardId, merchantId }, select: RECIPIENT_CARD_SELECT });
  return card ? emailRecipientOf(card) : null;
}
