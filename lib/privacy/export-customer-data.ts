import "server-only";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { findCardByPageToken } from "@/lib/web-card/find-card-by-page-token";

/**
 * Everything stored about the person at this merchant (GDPR art. 15 and 20),
 * found through their card's page token: the customer's fields, the consent
 * record, the card, its whole ledger and how many wallet devices hold it.
 * Null when there is no such card.
 */
export async function exportCustomerData(
  pageToken: string,
  clock: Clock,
): Promise<{ fileName: string; data: Record<string, unknown> } | null> {
  const found = await findCardByPageToken(pageToken);
  if (!found) return null;
  const card = await db.card.findFirstOrThrow({
    where: { id: found.id, merchantId: found.merchantId },
    select: {
      cardNumber: true,
      qrPayload: true,
      stampCount: true,
      pointsBalance: true,
      stampsEarned: true,
      stampRewardsRedeemed: true,
      pointsEarned: true,
      pointsSpent: true,
      lastActivityAt: true,
      createdAt: true,
      googleObjectId: true,
      merchant: { select: { name: true } },
      program: { select: { cardName: true } },
      createdStore: { select: { name: true } },
      customer: {
        select: {
          name: true,
          email: true,
          phone: true,
          birthday: true,
          locale: true,
          emailConsent: true,
          emailConsentAt: true,
          emailConsentVersion: true,
          erasedAt: true,
          createdAt: true,
        },
      },
      _count: { select: { appleDeviceRegistrations: true } },
      ledgerEntries: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          type: true,
          stampsDelta: true,
          pointsDelta: true,
          stampsAfter: true,
          pointsAfter: true,
          purchaseCents: true,
          orderReference: true,
          createdAt: true,
          store: { select: { name: true } },
          reward: { select: { name: true } },
        },
      },
    },
  });
  const { customer } = card;
  const data = {
    exportedAt: clock.now().toISOString(),
    merchant: card.merchant.name,
    customer: {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      birthday: customer.birthday?.toISOString().slice(0, 10) ?? null,
      locale: customer.locale,
      enrolledAt: customer.createdAt.toISOString(),
      erasedAt: customer.erasedAt?.toISOString() ?? null,
    },
    emailConsent: {
      given: customer.emailConsent,
      at: customer.emailConsentAt?.toISOString() ?? null,
      textVersion: customer.emailConsentVersion,
    },
    card: {
      program: card.program.cardName,
      cardNumber: card.cardNumber,
      qrCode: card.qrPayload,
      stampCount: card.stampCount,
      pointsBalance: card.pointsBalance,
      stampsEarned: card.stampsEarned,
      stampRewardsRedeemed: card.stampRewardsRedeemed,
      pointsEarned: card.pointsEarned,
      pointsSpent: card.pointsSpent,
      enrolledAtStore: card.createdStore?.name ?? null,
      lastActivityAt: card.lastActivityAt?.toISOString() ?? null,
      createdAt: card.createdAt.toISOString(),
    },
    wallets: { appleDevices: card._count.appleDeviceRegistrations, googleWallet: card.googleObjectId !== null },
    history: card.ledgerEntries.map((entry) => ({
      type: entry.type,
      stampsDelta: entry.stampsDelta,
      pointsDelta: entry.pointsDelta,
      stampsAfter: entry.stampsAfter,
      pointsAfter: entry.pointsAfter,
      purchaseCents: entry.purchaseCents,
      orderReference: entry.orderReference,
      reward: entry.reward?.name ?? null,
      store: entry.store?.name ?? null,
      at: entry.createdAt.toISOString(),
    })),
  };
  return { fileName: `my-data-${card.cardNumber}-${clock.now().toISOString().slice(0, 10)}.json`, data };
}
