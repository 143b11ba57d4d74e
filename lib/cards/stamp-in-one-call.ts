import "server-only";
import { getDatabase } from "@/lib/db";
import { localDayOf } from "@/lib/domain/local-day";
import { stampGuard } from "@/lib/domain/stamps";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { CardRef, LockedCard } from "@/lib/ledger/lock-card";
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
  stamp_day: string | null;
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
  const day = localDayOf(now, counter.timeZone);
  const activity: Omit<ActivityEvent, "rewardEarned" | "stampsAfter" | "previousActivityDay"> = {
    merchantId: ctx.merchantId,
    kind: "stamp_earned",
    day,
    storeId: counter.storeId,
    staffMemberId,
    stampsDelta: 1,
    pointsDelta: 0,
    purchaseCents: null,
    activityDay: day,
  };
  const byNumber = "cardNumber" in card;
  // Through the driver, not Prisma: this is the hottest statement of the product, and Prisma's query layer would cost it
  // more CPU than the rest of the request (bench/stamp.ts). The day comes back as text, whatever the driver's date parsing.
  const { rows } = await getDatabase().query<Row>(
    `SELECT outcome, card_id, card_number, stamp_count, points_balance, last_stamp_at, stamp_day::text AS stamp_day, stamps_on_day,
            last_activity_at, version
     FROM stamp_card($1::uuid, $2::boolean, $3::text, $4::int, $5::int, $6::date, $7::timestamptz, $8::timestamptz, $9::text,
                     $10::uuid, $11::uuid, $12::uuid, $13::uuid, $14::text, $15::text, $16::uuid, $17::uuid, $18::uuid, $19::jsonb)`,
    [
      ctx.merchantId,
      byNumber,
      byNumber ? card.cardNumber : card.qrCode,
      guard.target,
      guard.maxDailyStamps,
      guard.today,
      guard.cooldownCutoff,
      now,
      counter.timeZone,
      counter.storeId,
      staffMemberId,
      actor.type === "user" ? actor.userId : null,
      actor.type === "api_key" ? actor.apiKeyId : null,
      ctx.request?.ip ?? null,
      ctx.request?.userAgent ?? null,
      entryId,
      newId(),
      newId(),
      JSON.stringify(activity),
    ],
  );
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
      stampDay: row.stamp_day,
      stampsOnDay: row.stamps_on_day,
      lastActivityAt: row.last_activity_at,
      version: row.version,
    },
  };
}
