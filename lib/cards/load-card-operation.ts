import "server-only";
import { db } from "@/lib/db";
import type { ProgramType } from "@/lib/domain/program-features";
import { AppError } from "@/lib/errors";
import { toDayString, type CardRef, type LockedCard } from "@/lib/ledger/lock-card";
import type { CounterContext } from "@/lib/programs/counter-context";

export type CardOperation = CounterContext & {
  /** The card as it is now, unlocked: a decision on it is applied only if it has not changed since. */
  card: LockedCard;
  /** The stored first answer when this idempotency key was already used here. */
  replay: { requestHash: string; responseBody: unknown } | null;
};

type Row = Omit<CounterContext["program"], "id"> & {
  timeZone: string;
  storeId: string | null;
  storeArchived: boolean | null;
  programId: string | null;
  cardId: string | null;
  cardNumber: string;
  stampCount: number;
  pointsBalance: number;
  lastStampAt: Date | null;
  stampDay: Date | string | null;
  stampsOnDay: number;
  lastActivityAt: Date | null;
  version: number;
  replayHash: string | null;
  replayBody: unknown;
};

/**
 * Everything a counter operation needs, in one query: the merchant's time
 * zone and program, the store, the card's current state, and a stored answer
 * for the idempotency key. Scoped by merchant: another merchant's card or
 * store is not found.
 */
export async function loadCardOperation(
  merchantId: string,
  storeId: string,
  ref: CardRef,
  idempotencyKey?: string,
): Promise<CardOperation> {
  const byNumber = "cardNumber" in ref;
  const value = byNumber ? ref.cardNumber : ref.qrCode;
  const rows = await db.$queryRaw<Row[]>`
    SELECT m.time_zone AS "timeZone", s.id AS "storeId", (s.archived_at IS NOT NULL) AS "storeArchived",
           p.id AS "programId", p.type::text AS type, p.active, p.stamps_target AS "stampsTarget",
           p.stamps_reward_description AS "stampsRewardDescription", p.cooldown_minutes AS "cooldownMinutes",
           p.max_daily_stamps AS "maxDailyStamps", p.points_per_euro AS "pointsPerEuro",
           p.max_purchase_cents AS "maxPurchaseCents", p.require_staff_pin AS "requireStaffPin",
           c.id AS "cardId", c.card_number AS "cardNumber", c.stamp_count AS "stampCount", c.points_balance AS "pointsBalance",
           c.last_stamp_at AS "lastStampAt", c.stamp_day AS "stampDay", c.stamps_on_day AS "stampsOnDay",
           c.last_activity_at AS "lastActivityAt", c.version,
           i.request_hash AS "replayHash", i.response_body AS "replayBody"
    FROM merchants m
    LEFT JOIN programs p ON p.merchant_id = m.id
    LEFT JOIN stores s ON s.id = ${storeId}::uuid AND s.merchant_id = m.id
    LEFT JOIN cards c ON c.merchant_id = m.id AND (CASE WHEN ${byNumber} THEN c.card_number = ${value} ELSE c.qr_payload = ${value} END)
    LEFT JOIN idempotency_records i ON i.merchant_id = m.id AND i.key = ${idempotencyKey ?? null}::text
    WHERE m.id = ${merchantId}::uuid`;
  const row = rows[0];
  if (!row?.storeId || row.storeArchived) {
    throw new AppError("NOT_FOUND", { fieldErrors: { storeId: ["validation.storeNotFound"] } }, "Store not found.");
  }
  if (!row.programId) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet: create one first.");
  if (!row.cardId) throw new AppError("NOT_FOUND", {}, "No card with that number or QR code at this merchant.");
  return {
    timeZone: row.timeZone,
    storeId: row.storeId,
    program: {
      id: row.programId,
      type: row.type as ProgramType,
      active: row.active,
      stampsTarget: row.stampsTarget,
      stampsRewardDescription: row.stampsRewardDescription,
      cooldownMinutes: row.cooldownMinutes,
      maxDailyStamps: row.maxDailyStamps,
      pointsPerEuro: row.pointsPerEuro,
      maxPurchaseCents: row.maxPurchaseCents,
      requireStaffPin: row.requireStaffPin,
    },
    card: {
      id: row.cardId,
      merchantId,
      cardNumber: row.cardNumber,
      stampCount: row.stampCount,
      pointsBalance: row.pointsBalance,
      lastStampAt: row.lastStampAt,
      stampDay: toDayString(row.stampDay),
      stampsOnDay: row.stampsOnDay,
      lastActivityAt: row.lastActivityAt,
      version: row.version,
    },
    replay: row.replayHash ? { requestHash: row.replayHash, responseBody: row.replayBody } : null,
  };
}
