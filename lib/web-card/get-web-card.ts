import "server-only";
import { db } from "@/lib/db";
import type { LedgerEntryType } from "@/lib/db/generated/enums";
import { usesPoints, usesStamps, type ProgramType } from "@/lib/domain/program-features";
import { findCardByPageToken } from "./find-card-by-page-token";
import { walletAvailability } from "./wallet-availability";

export const HISTORY_SIZE = 10;

export type WebCard = {
  pageToken: string;
  merchant: { name: string; timeZone: string };
  program: {
    cardName: string;
    type: ProgramType;
    stampsTarget: number;
    stampsRewardDescription: string | null;
    pointsPerEuro: number;
    cardColor: string;
    foregroundColor: string;
    labelColor: string;
    logoUrl: string | null;
  };
  card: { cardNumber: string; qrPayload: string; stampCount: number; pointsBalance: number; createdAt: Date; appleSerial: string };
  /** Null once the customer erased their data: the page then says so and shows nothing else. */
  customer: { name: string | null; email: string | null; emailConsent: boolean; emailConsentAt: Date | null } | null;
  /** What the card can be exchanged for right now. */
  rewardsAvailable: { kind: "stamps" | "points"; name: string; pointsCost?: number }[];
  /** The nearest reward not reached yet. */
  nextReward: { kind: "stamps"; remaining: number; name: string } | { kind: "points"; remaining: number; name: string } | null;
  history: { id: string; type: LedgerEntryType; stampsDelta: number; pointsDelta: number; createdAt: Date; storeName: string | null }[];
  storeCode: string | null;
  wallets: { apple: boolean; google: boolean };
};

/** The customer's web card, found by its page token alone (null when there is no such card). */
export async function getWebCard(pageToken: string): Promise<WebCard | null> {
  const found = await findCardByPageToken(pageToken);
  if (!found) return null;
  const card = await db.card.findFirstOrThrow({
    where: { id: found.id, merchantId: found.merchantId },
    select: {
      cardNumber: true,
      qrPayload: true,
      stampCount: true,
      pointsBalance: true,
      createdAt: true,
      appleSerial: true,
      createdStore: { select: { code: true, archivedAt: true } },
      merchant: { select: { name: true, timeZone: true } },
      customer: { select: { name: true, email: true, emailConsent: true, emailConsentAt: true, erasedAt: true } },
      program: {
        select: {
          id: true,
          type: true,
          cardName: true,
          stampsTarget: true,
          stampsRewardDescription: true,
          pointsPerEuro: true,
          backgroundColor: true,
          foregroundColor: true,
          labelColor: true,
          logoMimeType: true,
          updatedAt: true,
          rewards: { where: { active: true }, select: { name: true, pointsCost: true }, orderBy: { pointsCost: "asc" } },
        },
      },
      ledgerEntries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: HISTORY_SIZE,
        select: { id: true, type: true, stampsDelta: true, pointsDelta: true, createdAt: true, store: { select: { name: true } } },
      },
    },
  });
  const { program } = card;
  const rewardName = program.stampsRewardDescription ?? program.cardName;
  const rewardsAvailable: WebCard["rewardsAvailable"] = [];
  let nextReward: WebCard["nextReward"] = null;
  if (usesStamps(program.type)) {
    if (card.stampCount >= program.stampsTarget) rewardsAvailable.push({ kind: "stamps", name: rewardName });
    else nextReward = { kind: "stamps", remaining: program.stampsTarget - card.stampCount, name: rewardName };
  }
  if (usesPoints(program.type)) {
    for (const reward of program.rewards) {
      if (reward.pointsCost <= card.pointsBalance)
        rewardsAvailable.push({ kind: "points", name: reward.name, pointsCost: reward.pointsCost });
    }
    const next = program.rewards.find((reward) => reward.pointsCost > card.pointsBalance);
    if (next && !nextReward) nextReward = { kind: "points", remaining: next.pointsCost - card.pointsBalance, name: next.name };
  }
  const erased = card.customer.erasedAt !== null;
  return {
    pageToken: found.pageToken,
    merchant: card.merchant,
    program: {
      cardName: program.cardName,
      type: program.type,
      stampsTarget: program.stampsTarget,
      stampsRewardDescription: program.stampsRewardDescription,
      pointsPerEuro: program.pointsPerEuro,
      cardColor: program.backgroundColor,
      foregroundColor: program.foregroundColor,
      labelColor: program.labelColor,
      logoUrl: program.logoMimeType ? `/api/v1/loyalty/logos/${program.id}?v=${program.updatedAt.getTime()}` : null,
    },
    card: {
      cardNumber: card.cardNumber,
      qrPayload: card.qrPayload,
      stampCount: card.stampCount,
      pointsBalance: card.pointsBalance,
      createdAt: card.createdAt,
      appleSerial: card.appleSerial,
    },
    customer: erased
      ? null
      : {
          name: card.customer.name,
          email: card.customer.email,
          emailConsent: card.customer.emailConsent,
          emailConsentAt: card.customer.emailConsentAt,
        },
    rewardsAvailable,
    nextReward,
    history: card.ledgerEntries.map((entry) => ({
      id: entry.id,
      type: entry.type,
      stampsDelta: entry.stampsDelta,
      pointsDelta: entry.pointsDelta,
      createdAt: entry.createdAt,
      storeName: entry.store?.name ?? null,
    })),
    storeCode: card.createdStore && !card.createdStore.archivedAt ? card.createdStore.code : null,
    wallets: walletAvailability(),
  };
}
