import "server-only";
import type { LedgerEntryType } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/transaction";
import { localDayOf } from "@/lib/domain/local-day";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import type { ServiceContext } from "@/lib/service-context";
import type { ActivityEvent } from "@/lib/stats/activity-event";
import { IDEMPOTENCY_TTL_MS, type IdempotencyInput } from "./idempotency";
import type { LockedCard } from "./lock-card";

export type BalanceChange = {
  /** The ledger entry's id, chosen by the caller so the stored answer can carry it (newId()). */
  entryId: string;
  /** The card as the decision saw it; the write applies only if the card's version is still this one's. */
  card: LockedCard;
  timeZone: string;
  type: LedgerEntryType;
  stampsDelta: number;
  pointsDelta: number;
  /** Set when this change gives a stamp: the day it counts for and that day's count. */
  stamp?: { day: string; stampsOnDay: number };
  lifetime?: { stampsEarned?: number; stampRewardsRedeemed?: number; pointsEarned?: number; pointsSpent?: number };
  storeId: string | null;
  staffMemberId: string | null;
  rewardId?: string | null;
  purchaseCents?: number | null;
  orderReference?: string | null;
  reason?: string | null;
  rewardEarned?: boolean;
  /** The first answer to store for this key, replayed to a repeated request. */
  idempotency?: IdempotencyInput & { response: unknown };
};

/**
 * Writes one balance change in one statement: the card's new balances and
 * bumped version, the immutable ledger row with its balances after, the
 * outbox events for the wallets and the statistics, the idempotency record,
 * and the staff member's last activity.
 *
 * The card is updated only if its version is still the one the decision was
 * made on (compare-and-swap); every other write hangs off that update, so when
 * another change got there first nothing at all is written and this returns
 * null for the caller to decide again. A statement is atomic on its own, so
 * this needs no surrounding transaction (the fast path); inside one that holds
 * the card's lock it always applies.
 */
export async function applyBalanceChange(tx: Tx, ctx: ServiceContext, change: BalanceChange): Promise<{ version: number } | null> {
  const now = ctx.clock.now();
  const { card, entryId } = change;
  const stampsAfter = card.stampCount + change.stampsDelta;
  const pointsAfter = card.pointsBalance + change.pointsDelta;
  const lifetime = { stampsEarned: 0, stampRewardsRedeemed: 0, pointsEarned: 0, pointsSpent: 0, ...change.lifetime };
  const actor = ctx.actor;
  const activity: ActivityEvent = {
    merchantId: ctx.merchantId,
    kind: change.type,
    day: localDayOf(now, change.timeZone),
    storeId: change.storeId,
    staffMemberId: change.staffMemberId,
    stampsDelta: change.stampsDelta,
    pointsDelta: change.pointsDelta,
    purchaseCents: change.purchaseCents ?? null,
    rewardEarned: change.rewardEarned ?? false,
    previousActivityDay: card.lastActivityAt ? localDayOf(card.lastActivityAt, change.timeZone) : null,
    activityDay: localDayOf(now, change.timeZone),
  };
  const idem = change.idempotency;

  const rows = await tx.$queryRaw<{ version: number }[]>`
    WITH updated AS (
      UPDATE cards SET
        stamp_count = ${stampsAfter}::int,
        points_balance = ${pointsAfter}::int,
        stamps_earned = stamps_earned + ${lifetime.stampsEarned}::int,
        stamp_rewards_redeemed = stamp_rewards_redeemed + ${lifetime.stampRewardsRedeemed}::int,
        points_earned = points_earned + ${lifetime.pointsEarned}::int,
        points_spent = points_spent + ${lifetime.pointsSpent}::int,
        last_stamp_at = CASE WHEN ${change.stamp ? 1 : 0}::int = 1 THEN ${now}::timestamptz ELSE last_stamp_at END,
        stamp_day = COALESCE(${change.stamp?.day ?? null}::date, stamp_day),
        stamps_on_day = COALESCE(${change.stamp?.stampsOnDay ?? null}::int, stamps_on_day),
        last_activity_at = ${now}::timestamptz,
        version = version + 1,
        updated_at = ${now}::timestamptz
      WHERE id = ${card.id}::uuid AND version = ${card.version}::int
      RETURNING version
    ), entry AS (
      INSERT INTO ledger_entries (
        id, merchant_id, card_id, type, stamps_delta, points_delta, stamps_after, points_after,
        store_id, staff_member_id, user_id, api_key_id, reward_id, purchase_cents, order_reference,
        reason, ip, user_agent, idempotency_key, created_at)
      SELECT
        ${entryId}::uuid, ${ctx.merchantId}::uuid, ${card.id}::uuid, ${change.type}::"LedgerEntryType",
        ${change.stampsDelta}::int, ${change.pointsDelta}::int, ${stampsAfter}::int, ${pointsAfter}::int,
        ${change.storeId}::uuid, ${change.staffMemberId}::uuid,
        ${actor.type === "user" ? actor.userId : null}::uuid, ${actor.type === "api_key" ? actor.apiKeyId : null}::uuid,
        ${change.rewardId ?? null}::uuid, ${change.purchaseCents ?? null}::int, ${change.orderReference ?? null}::text,
        ${change.reason ?? null}::text, ${ctx.request?.ip ?? null}::text, ${ctx.request?.userAgent ?? null}::text,
        ${idem?.key ?? null}::text, ${now}::timestamptz
      FROM updated
    ), events AS (
      INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
      SELECT ${newId()}::uuid, ${ctx.merchantId}::uuid, ${EVENT_TYPES.walletCardChanged},
             jsonb_build_object('cardId', ${card.id}::text, 'version', updated.version), ${`card:${card.id}`},
             ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM updated
      UNION ALL
      SELECT ${newId()}::uuid, ${ctx.merchantId}::uuid, ${EVENT_TYPES.statsActivity}, ${JSON.stringify(activity)}::jsonb, NULL,
             ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM updated
    ), staff AS (
      UPDATE staff_members SET last_activity_at = ${now}::timestamptz
      WHERE id = ${change.staffMemberId}::uuid AND merchant_id = ${ctx.merchantId}::uuid AND EXISTS (SELECT 1 FROM updated)
    ), idempotency AS (
      INSERT INTO idempotency_records (id, merchant_id, key, request_hash, response_status, response_body, created_at, expires_at)
      SELECT ${newId()}::uuid, ${ctx.merchantId}::uuid, ${idem?.key ?? null}::text, ${idem?.requestHash ?? null}::text, 200,
             ${idem ? JSON.stringify(idem.response) : null}::jsonb, ${now}::timestamptz,
             ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}::timestamptz
      FROM updated
      WHERE ${idem?.key ?? null}::text IS NOT NULL
    )
    SELECT version FROM updated`;
  return rows[0] ?? null;
}
