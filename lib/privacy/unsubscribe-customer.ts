import "server-only";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { customerContext } from "./customer-context";
import { recordConsentDecision } from "./set-email-consent";

/** Who a signed unsubscribe link is for (the page's confirm step), or null when the link is not valid. */
export async function findUnsubscribeTarget(token: string): Promise<{ merchantName: string; subscribed: boolean } | null> {
  const customerId = verifyUnsubscribeToken(token);
  if (!customerId) return null;
  const card = await db.card.findFirst({
    where: { customerId },
    select: { merchant: { select: { name: true } }, customer: { select: { emailConsent: true, erasedAt: true } } },
  });
  if (!card) return null;
  return { merchantName: card.merchant.name, subscribed: card.customer.emailConsent && !card.customer.erasedAt };
}

/**
 * Withdraws email consent through a signed link (the email's footer, or a
 * mail client's one-click POST, RFC 8058). Works without logging in; the
 * same link twice is fine. False when the link is not valid.
 */
export async function unsubscribeCustomer(token: string, clock: Clock): Promise<boolean> {
  const customerId = verifyUnsubscribeToken(token);
  if (!customerId) return false;
  const card = await db.card.findFirst({ where: { customerId }, select: { merchantId: true } });
  if (!card) return false;
  const ctx = customerContext(card.merchantId, clock);
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { emailConsent: true } });
    if (customer.emailConsent) await recordConsentDecision(tx, ctx, customerId, false, "unsubscribe_link");
  });
  return true;
}
