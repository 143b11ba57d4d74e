import "server-only";
import { db } from "@/lib/db";
import { localDayOf } from "@/lib/domain/local-day";
import { stampGuard } from "@/lib/domain/stamps";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { toDayString, type CardRef, type LockedCard } from "@/lib/ledger/lock-card";
import type { CounterContext } from "@/lib/programs/counter-context";
import type { ServiceContext } from "@/lib/service-context";
import type { ActivityEvent } from "@/lib/stats/activity-event";

type Row = {
  outcome: "applied" | "refused";
  card_id: string;
  card_number: string;
  stamp_count: number;
  points_balance: number;
  last_stamp_at: Date | null;
  stamp_day: Date | string | null;
  stamps_on_day: number;
  last_activity_at: Date | null;
  version: number;
};

/**
 * One database call for a stamp (the database function `stamp_card`): lock the
 * card, check the guard the engine derived from the rules, and write the stamp
 * when it allows. Returns what happened and the card as the call found it, for
 * the engine to turn into the answer or the refusal.
 */
export async function stampInOneCall(
  ctx: ServiceContext,
  counter: CounterContext,
  card: CardRef,
  staffMemberId: string | null,
  now: Date,
): Promise<{ outcome: "applied" | "refused"; entryId: string; before: LockedCard }> {
  const guard = stampGuard({ rules: counter.program, now, timeZone: counter.timeZone });
  const entryId = newId();
  const actor = ctx.actor;
  // The function adds rewardEarned, stampsAfter and previousActivityDay, which depend on the card it locks.
  const activity: Omit<ActivityEvent, "rewardEarned" | "stampsAfter" | "previousActivityDay"> = {
    merchantId: ctx.merchantId,
    kind: "stamp_earned",
    day: localDayOf(now, counter.timeZone),
    storeId: counter.storeId,
    staffMemberId,
    stampsDelta: 1,
    pointsDelta: 0,
    purchaseCents: null,
    activityDay: localDayOf(now, counter.timeZone),
  };
  const byNumber = "cardNumber" in card;
  const rows = await db.$queryRaw<Row[]>`
    SELECT * FROM stamp_card(
      ${ctx.merchantId}::uuid, ${byNumber}::boolean, ${byNumber ? card.cardNumber : card.qrCode}::text,
      ${guard.target}::int, ${guard.maxDailyStamps}::int, ${guard.today}::date, ${guard.cooldownCutoff}::timestamptz,
      ${now}::timestamptz, ${counter.timeZone}::text, ${counter.storeId}::uuid, ${staffMemberId}::uuid,
      ${actor.type === "user" ? actor.userId : null}::uuid, ${actor.type === "api_key" ? actor.apiKeyId : null}::uuid,
      ${ctx.request?.ip ?? null}::text, ${ctx.request?.userAgent ?? null}::text,
      ${entryId}::uuid, ${newId()}::uuid, ${newId()}::uuid, ${JSON.stringify(activity)}::jsonb)`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", {}, "No card with that number or QR code at this merchant.");
  return {
    outcome: row.outcome,
    entryId,
    before: {
      id: row.card_id,
      merchantId: ctx.merchantId,
      cardNumber: row.card_number,
      stampCount: row.stamp_count,
      pointsBalance: row.points_balance,
      lastStampAt: row.last_stamp_at,
      stampDay: toDayString(row.stamp_day),
      stampsOnDay: row.stamps_on_day,
      lastActivityAt: row.last_activity_at,
      version: row.version,
    },
  };
}
