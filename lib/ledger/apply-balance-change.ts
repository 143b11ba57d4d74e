import "server-only";
import type { LedgerEntryType } from "@/lib/db/generated/enums";
import type { Tx } from "@/lib/db/transaction";
import { localDayOf } from "@/lib/domain/local-day";
import { newId } from "@/lib/ids";
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
 * Writes one balance change in one round trip, through the database function
 * `apply_balance_change` (prisma/migrations/*_balance_change_function): the
 * card's new balances and bumped version, the immutable ledger row with its
 * balances after, the outbox events for the wallets and the statistics, the
 * idempotency record, and the staff member's last activity.
 *
 * The card is updated only if its version is still the one the decision was
 * made on (compare-and-swap); every other write happens only then, so when
 * another change got there first nothing at all is written and this returns
 * null for the caller to decide again. One statement is atomic on its own, so
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
    stampsAfter,
    previousActivityDay: card.lastActivityAt ? localDayOf(card.lastActivityAt, change.timeZone) : null,
    activityDay: localDayOf(now, change.timeZone),
  };
  const idem = change.idempotency;

  const rows = await tx.$queryRaw<{ version: number | null }[]>`
    SELECT apply_balance_change(
      ${card.id}::uuid, ${card.version}::int, ${ctx.merchantId}::uuid, ${entryId}::uuid, ${change.type}::"LedgerEntryType",
      ${change.stampsDelta}::int, ${change.pointsDelta}::int, ${stampsAfter}::int, ${pointsAfter}::int,
      ${lifetime.stampsEarned}::int, ${lifetime.stampRewardsRedeemed}::int, ${lifetime.pointsEarned}::int, ${lifetime.pointsSpent}::int,
      ${change.stamp !== undefined}::boolean, ${change.stamp?.day ?? null}::date, ${change.stamp?.stampsOnDay ?? null}::int, ${now}::timestamptz,
      ${change.storeId}::uuid, ${change.staffMemberId}::uuid,
      ${actor.type === "user" ? actor.userId : null}::uuid, ${actor.type === "api_key" ? actor.apiKeyId : null}::uuid,
      ${change.rewardId ?? null}::uuid, ${change.purchaseCents ?? null}::int, ${change.orderReference ?? null}::text,
      ${change.reason ?? null}::text, ${ctx.request?.ip ?? null}::text, ${ctx.request?.userAgent ?? null}::text,
      ${newId()}::uuid, ${newId()}::uuid, ${JSON.stringify(activity)}::jsonb,
      ${newId()}::uuid, ${idem?.key ?? null}::text, ${idem?.requestHash ?? null}::text,
      ${idem ? JSON.stringify(idem.response) : null}::jsonb, ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}::timestamptz
    ) AS version`;
  const version = rows[0]?.version ?? null;
  return version === null ? null : { version };
}
