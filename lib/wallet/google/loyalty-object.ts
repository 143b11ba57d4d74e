import "server-only";
import type { walletobjects_v1 } from "@googleapis/walletobjects";
import { db } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/translator";
import { callGoogle, GoogleApiError, type GoogleWallet } from "./google-wallet";
import { isStatus, loyaltyClassId, syncLoyaltyClass } from "./loyalty-class";

/** Google's limit: at most 3 notifying updates (field updates or messages) per pass in 24 hours. */
export const NOTIFICATIONS_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ObjectSource = {
  id: string;
  cardNumber: string;
  qrPayload: string;
  stampCount: number;
  pointsBalance: number;
  customer: { name: string | null; locale: string };
  program: {
    id: string;
    type: "stamps" | "points" | "hybrid";
    stampsTarget: number;
    stampsRewardDescription: string | null;
    rewards: { name: string; pointsCost: number }[];
  };
};

/** `<issuerId>.card-<card id>`. */
export function loyaltyObjectId(issuerId: string, cardId: string): string {
  return `${issuerId}.card-${cardId}`;
}

/** The reward the card can take now, if any: the stamp reward at the target, or the dearest points reward within the balance. */
export function availableReward(card: ObjectSource): string | null {
  const { program } = card;
  const fallback = translatorFor(card.customer.locale)("googleWallet.reward.fallback");
  if (program.type !== "points" && card.stampCount >= program.stampsTarget) return program.stampsRewardDescription ?? fallback;
  if (program.type !== "stamps") {
    const affordable = program.rewards.filter((reward) => reward.pointsCost <= card.pointsBalance);
    if (affordable.length > 0) return affordable.reduce((a, b) => (b.pointsCost > a.pointsCost ? b : a)).name;
  }
  return null;
}

/**
 * The card's loyalty object, its texts in the customer's language: stamps (or
 * points) as `loyaltyPoints`, points as `secondaryLoyaltyPoints` in a hybrid
 * program, the QR code the counter scans, and what the next reward takes.
 */
export function buildLoyaltyObject(card: ObjectSource, issuerId: string): walletobjects_v1.Schema$LoyaltyObject {
  const t = translatorFor(card.customer.locale);
  const { program } = card;
  const stamps = { label: t("googleWallet.stamps"), balance: { int: card.stampCount } };
  const points = { label: t("googleWallet.points"), balance: { int: card.pointsBalance } };
  const ready = availableReward(card);
  let rewardText: string | null = ready ? t("googleWallet.reward.ready", { reward: ready }) : null;
  if (!rewardText && program.type !== "points") {
    const reward = program.stampsRewardDescription ?? t("googleWallet.reward.fallback");
    rewardText = t("googleWallet.reward.stampsToGo", { count: program.stampsTarget - card.stampCount, reward });
  }
  if (!rewardText && program.type === "points") {
    const next = program.rewards.filter((reward) => reward.pointsCost > card.pointsBalance).sort((a, b) => a.pointsCost - b.pointsCost)[0];
    if (next) rewardText = t("googleWallet.reward.pointsToGo", { count: next.pointsCost - card.pointsBalance, reward: next.name });
  }
  return {
    id: loyaltyObjectId(issuerId, card.id),
    classId: loyaltyClassId(issuerId, program.id),
    state: "ACTIVE",
    accountId: card.cardNumber,
    accountName: card.customer.name ?? card.cardNumber,
    loyaltyPoints: program.type === "points" ? points : stamps,
    ...(program.type === "hybrid" ? { secondaryLoyaltyPoints: points } : {}),
    barcode: { type: "QR_CODE", value: card.qrPayload, alternateText: card.cardNumber },
    textModulesData: rewardText ? [{ id: "reward", header: t("googleWallet.reward.header"), body: rewardText }] : [],
  };
}

const CARD_SELECT = {
  id: true,
  cardNumber: true,
  qrPayload: true,
  stampCount: true,
  pointsBalance: true,
  version: true,
  googleObjectId: true,
  googlePassVersion: true,
  googleNotifiedAt: true,
  googleRewardShown: true,
  customer: { select: { name: true, locale: true, erasedAt: true } },
  merchant: { select: { name: true } },
  program: {
    select: {
      id: true,
      type: true,
      stampsTarget: true,
      stampsRewardDescription: true,
      googleClassId: true,
      rewards: { where: { active: true }, select: { name: true, pointsCost: true } },
    },
  },
} as const;

async function loadCard(cardId: string) {
  return db.card.findUnique({ where: { id: cardId }, select: CARD_SELECT });
}

function insertObject(wallet: GoogleWallet, body: walletobjects_v1.Schema$LoyaltyObject) {
  return callGoogle(wallet, "loyaltyobject.insert", () => wallet.api.loyaltyobject.insert({ requestBody: body }));
}

function patchObject(wallet: GoogleWallet, id: string, body: walletobjects_v1.Schema$LoyaltyObject) {
  return callGoogle(wallet, "loyaltyobject.patch", () => wallet.api.loyaltyobject.patch({ resourceId: id, requestBody: body }));
}

/** What the dashboard's wallet panel shows after an attempt: "ok", or the status and Google's message. */
function resultText(error: unknown): string {
  if (error instanceof GoogleApiError)
    return `${error.status === 0 ? "no answer" : `HTTP ${error.status}`}: ${error.googleMessage}`.slice(0, 500);
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

async function recordFailure(cardId: string, now: Date, error: unknown): Promise<never> {
  await db.card.update({ where: { id: cardId }, data: { googleLastPatchAt: now, googleLastPatchResult: resultText(error) } });
  throw error;
}

/**
 * The first "Add to Google Wallet": makes sure the program's class exists,
 * inserts the card's object (a 409, the object already there, patches it),
 * and remembers the object id. Later taps find the id and call Google no more.
 * Returns the object's and class's ids for the save link, or null when the card is gone or erased.
 */
export async function createLoyaltyObject(
  wallet: GoogleWallet,
  cardId: string,
  now: Date,
): Promise<{ id: string; classId: string } | null> {
  const card = await loadCard(cardId);
  if (!card || card.customer.erasedAt) return null;
  const issuerId = wallet.credentials.issuerId;
  if (card.googleObjectId) return { id: card.googleObjectId, classId: loyaltyClassId(issuerId, card.program.id) };
  try {
    if (!card.program.googleClassId) await syncLoyaltyClass(wallet, card.program.id, now);
    const body = buildLoyaltyObject(card, issuerId);
    await insertObject(wallet, body).catch((error: unknown) =>
      isStatus(error, 409) ? patchObject(wallet, body.id!, body) : Promise.reject(error),
    );
    await db.card.update({
      where: { id: card.id },
      data: {
        googleObjectId: body.id!,
        googlePassVersion: card.version,
        googleLastPatchAt: now,
        googleLastPatchResult: "ok",
        googleRewardShown: availableReward(card) !== null,
      },
    });
    return { id: body.id!, classId: body.classId! };
  } catch (error) {
    return recordFailure(card.id, now, error);
  }
}

/**
 * Brings a saved card's object up to date (an outbox delivery, coalesced per
 * card, so it carries the latest balances): one patch, a 404 inserting the
 * object again; when a reward has just become available, a message is added.
 * A field update notifies the customer while fewer than 3 notifications went
 * out in the last 24 hours; later ones are sent without notification. A card
 * whose version Google already shows costs no request.
 */
export async function updateLoyaltyObject(wallet: GoogleWallet, cardId: string, now: Date): Promise<void> {
  const card = await loadCard(cardId);
  if (!card || !card.googleObjectId || card.customer.erasedAt) return;
  if (card.googlePassVersion === card.version) return;
  const objectId = card.googleObjectId;
  const body = buildLoyaltyObject(card, wallet.credentials.issuerId);
  const reward = availableReward(card);
  const rewardIsNew = reward !== null && !card.googleRewardShown;
  const notified = card.googleNotifiedAt.filter((at) => now.getTime() - at.getTime() < DAY_MS);
  // A new reward's message carries the notification; otherwise the balance update does, within Google's cap.
  const notifyPatch = !rewardIsNew && notified.length < NOTIFICATIONS_PER_DAY;
  try {
    const patchBody = { ...body, notifyPreference: notifyPatch ? "NOTIFY_ON_UPDATE" : "NOTIFICATION_SETTINGS_UNSPECIFIED" };
    await patchObject(wallet, objectId, patchBody).catch((error: unknown) =>
      isStatus(error, 404) ? insertObject(wallet, { ...body, id: objectId }) : Promise.reject(error),
    );
    if (notifyPatch) notified.push(now);
    if (rewardIsNew) {
      const notify = notified.length < NOTIFICATIONS_PER_DAY;
      const t = translatorFor(card.customer.locale);
      await callGoogle(wallet, "loyaltyobject.addmessage", () =>
        wallet.api.loyaltyobject.addmessage({
          resourceId: objectId,
          requestBody: {
            message: {
              id: `reward-${card.version}`,
              header: t("googleWallet.message.header"),
              body: t("googleWallet.message.body", { reward, merchant: card.merchant.name }),
              messageType: notify ? "TEXT_AND_NOTIFY" : "TEXT",
            },
          },
        }),
      );
      if (notify) notified.push(now);
    }
    await db.card.update({
      where: { id: card.id },
      data: {
        googlePassVersion: card.version,
        googleLastPatchAt: now,
        googleLastPatchResult: "ok",
        googleNotifiedAt: notified.slice(-NOTIFICATIONS_PER_DAY),
        googleRewardShown: reward !== null,
      },
    });
  } catch (error) {
    await recordFailure(card.id, now, error);
  }
}

/**
 * The customer erased their data: their object is expired (Google Wallet moves
 * it out of the list) and shows the card number instead of their name. An
 * object Google no longer has is fine.
 */
export async function expireLoyaltyObject(wallet: GoogleWallet, card: { cardId: string; googleObjectId: string }): Promise<void> {
  const row = await db.card.findUnique({ where: { id: card.cardId }, select: { cardNumber: true } });
  const body: walletobjects_v1.Schema$LoyaltyObject = {
    state: "EXPIRED",
    accountName: row?.cardNumber ?? "",
    textModulesData: [],
    messages: [],
  };
  await patchObject(wallet, card.googleObjectId, body).catch((error: unknown) =>
    isStatus(error, 404) ? undefined : Promise.reject(error),
  );
}
