import "server-only";
import { getDatabase } from "@/lib/db";
import type { LedgerEntryType } from "@/lib/db/generated/enums";
import { usesPoints, usesStamps, type ProgramType } from "@/lib/domain/program-features";
import { isPageTokenShaped, samePageToken } from "./find-card-by-page-token";
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

type WebCardRow = {
  pageToken: string;
  cardNumber: string;
  qrPayload: string;
  stampCount: number;
  pointsBalance: number;
  createdAt: Date;
  appleSerial: string;
  storeCode: string | null;
  storeArchivedAt: Date | null;
  merchantName: string;
  timeZone: string;
  customerName: string | null;
  email: string | null;
  emailConsent: boolean;
  emailConsentAt: Date | null;
  erasedAt: Date | null;
  programId: string;
  programType: ProgramType;
  cardName: string;
  stampsTarget: number;
  stampsRewardDescription: string | null;
  pointsPerEuro: number;
  backgroundColor: string;
  foregroundColor: string;
  labelColor: string;
  logoMimeType: string | null;
  programUpdatedAt: Date;
  /** Active rewards, cheapest first. */
  rewards: { name: string; pointsCost: number }[];
  /** The latest ledger entries, newest first; timestamps as JSON gives them. */
  history: { id: string; type: LedgerEntryType; stampsDelta: number; pointsDelta: number; createdAt: string; storeName: string | null }[];
};

/*
 * One statement for the whole page, sent through the driver: the page is what
 * a customer opens most, and Prisma's nested select sent nine (the token, the
 * card, then its store, merchant, customer, program, rewards, history and the
 * history's stores, each with Prisma's own cost). Every join stays within the
 * card's merchant.
 */
const WEB_CARD_SQL = `
  SELECT c.page_token AS "pageToken", c.card_number AS "cardNumber", c.qr_payload AS "qrPayload",
         c.stamp_count AS "stampCount", c.points_balance AS "pointsBalance", c.created_at AS "createdAt",
         c.apple_serial AS "appleSerial", cs.code AS "storeCode", cs.archived_at AS "storeArchivedAt",
         m.name AS "merchantName", m.time_zone AS "timeZone",
         cu.name AS "customerName", cu.email, cu.email_consent AS "emailConsent", cu.email_consent_at AS "emailConsentAt",
         cu.erased_at AS "erasedAt",
         p.id AS "programId", p.type::text AS "programType", p.card_name AS "cardName", p.stamps_target AS "stampsTarget",
         p.stamps_reward_description AS "stampsRewardDescription", p.points_per_euro AS "pointsPerEuro",
         p.background_color AS "backgroundColor", p.foreground_color AS "foregroundColor", p.label_color AS "labelColor",
         p.logo_mime_type AS "logoMimeType", p.updated_at AS "programUpdatedAt",
         (SELECT COALESCE(json_agg(json_build_object('name', r.name, 'pointsCost', r.points_cost) ORDER BY r.points_cost, r.id), '[]'::json)
            FROM rewards r
           WHERE r.program_id = p.id AND r.merchant_id = c.merchant_id AND r.active) AS rewards,
         (SELECT COALESCE(json_agg(json_build_object('id', e.id, 'type', e.type, 'stampsDelta', e.stamps_delta,
                   'pointsDelta', e.points_delta, 'createdAt', e.created_at, 'storeName', s.name)
                   ORDER BY e.created_at DESC, e.id DESC), '[]'::json)
            FROM (SELECT id, type, stamps_delta, points_delta, created_at, store_id FROM ledger_entries
                   WHERE card_id = c.id AND merchant_id = c.merchant_id
                   ORDER BY created_at DESC, id DESC LIMIT $2) e
            LEFT JOIN stores s ON s.id = e.store_id AND s.merchant_id = c.merchant_id) AS history
    FROM cards c
    JOIN merchants m ON m.id = c.merchant_id
    JOIN programs p ON p.id = c.program_id AND p.merchant_id = c.merchant_id
    JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN stores cs ON cs.id = c.created_store_id AND cs.merchant_id = c.merchant_id
   WHERE c.page_token = $1`;

/** The customer's web card, found by its page token alone (null when there is no such card). */
export async function getWebCard(pageToken: string): Promise<WebCard | null> {
  if (!isPageTokenShaped(pageToken)) return null;
  const {
    rows: [card],
  } = await getDatabase().query<WebCardRow>(WEB_CARD_SQL, [pageToken, HISTORY_SIZE]);
  if (!card || !samePageToken(pageToken, card.pageToken)) return null;
  const rewardName = card.stampsRewardDescription ?? card.cardName;
  const rewardsAvailable: WebCard["rewardsAvailable"] = [];
  let nextReward: WebCard["nextReward"] = null;
  if (usesStamps(card.programType)) {
    if (card.stampCount >= card.stampsTarget) rewardsAvailable.push({ kind: "stamps", name: rewardName });
    else nextReward = { kind: "stamps", remaining: card.stampsTarget - card.stampCount, name: rewardName };
  }
  if (usesPoints(card.programType)) {
    for (const reward of card.rewards) {
      if (reward.pointsCost <= card.pointsBalance)
        rewardsAvailable.push({ kind: "points", name: reward.name, pointsCost: reward.pointsCost });
    }
    const next = card.rewards.find((reward) => reward.pointsCost > card.pointsBalance);
    if (next && !nextReward) nextReward = { kind: "points", remaining: next.pointsCost - card.pointsBalance, name: next.name };
  }
  return {
    pageToken: card.pageToken,
    merchant: { name: card.merchantName, timeZone: card.timeZone },
    program: {
      cardName: card.cardName,
      type: card.programType,
      stampsTarget: card.stampsTarget,
      stampsRewardDescription: card.stampsRewardDescription,
      pointsPerEuro: card.pointsPerEuro,
      cardColor: card.backgroundColor,
      foregroundColor: card.foregroundColor,
      labelColor: card.labelColor,
      logoUrl: card.logoMimeType ? `/api/v1/loyalty/logos/${card.programId}?v=${card.programUpdatedAt.getTime()}` : null,
    },
    card: {
      cardNumber: card.cardNumber,
      qrPayload: card.qrPayload,
      stampCount: card.stampCount,
      pointsBalance: card.pointsBalance,
      createdAt: card.createdAt,
      appleSerial: card.appleSerial,
    },
    customer:
      card.erasedAt !== null
        ? null
        : { name: card.customerName, email: card.email, emailConsent: card.emailConsent, emailConsentAt: card.emailConsentAt },
    rewardsAvailable,
    nextReward,
    history: card.history.map((entry) => ({ ...entry, createdAt: new Date(entry.createdAt) })),
    storeCode: card.storeCode !== null && card.storeArchivedAt === null ? card.storeCode : null,
    wallets: walletAvailability(),
  };
}
