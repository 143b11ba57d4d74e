import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { ActivityEvent } from "./activity-event";

type Counters = {
  stampsIssued: number;
  stampRewardsEarned: number;
  stampRewardsRedeemed: number;
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
  catalogRewardsRedeemed: number;
  purchases: number;
  purchaseCents: number;
  newMembers: number;
  adjustments: number;
};

const ZERO: Counters = {
  stampsIssued: 0,
  stampRewardsEarned: 0,
  stampRewardsRedeemed: 0,
  pointsIssued: 0,
  pointsRedeemed: 0,
  pointsExpired: 0,
  catalogRewardsRedeemed: 0,
  purchases: 0,
  purchaseCents: 0,
  newMembers: 0,
  adjustments: 0,
};

/** What one event adds to its day's counters. */
export function countersOf(event: ActivityEvent): Counters {
  const c = { ...ZERO };
  switch (event.kind) {
    case "card_enrolled":
      c.newMembers = 1;
      break;
    case "stamp_earned":
      c.stampsIssued = event.stampsDelta;
      c.stampRewardsEarned = event.rewardEarned ? 1 : 0;
      break;
    case "stamp_reward_redeemed":
      c.stampRewardsRedeemed = 1;
      break;
    case "points_earned":
      c.pointsIssued = event.pointsDelta;
      c.purchases = event.purchaseCents !== null ? 1 : 0;
      c.purchaseCents = event.purchaseCents ?? 0;
      break;
    case "points_redeemed":
      c.pointsRedeemed = -event.pointsDelta;
      c.catalogRewardsRedeemed = 1;
      break;
    case "points_expired":
      c.pointsExpired = -event.pointsDelta;
      break;
    case "manual_adjustment":
      c.adjustments = 1;
      break;
  }
  return c;
}

/**
 * Folds a batch of activity events into the summaries: per-day counters by
 * store and staff member, each card's move between latest-activity days and
 * between stamp counts, and the points the merchant's cards hold.
 * Events are grouped first so a batch of hundreds costs a few statements.
 * Runs in the worker's transaction, together with marking the events done,
 * so each event counts exactly once.
 */
export async function applyActivityEvents(tx: Tx, events: ActivityEvent[]): Promise<void> {
  const daily = new Map<string, { merchantId: string; day: string; storeKey: string; staffKey: string; counters: Counters }>();
  const activity = new Map<string, { merchantId: string; day: string; delta: number }>();
  const stampCounts = new Map<string, { merchantId: string; stampCount: number; delta: number }>();
  const points = new Map<string, number>();
  const moveStampCount = (merchantId: string, stampCount: number, delta: number) => {
    const key = `${merchantId}|${stampCount}`;
    const current = stampCounts.get(key) ?? { merchantId, stampCount, delta: 0 };
    current.delta += delta;
    stampCounts.set(key, current);
  };

  for (const event of events) {
    const key = [event.merchantId, event.day, event.storeId ?? "", event.staffMemberId ?? ""].join("|");
    const row = daily.get(key) ?? {
      merchantId: event.merchantId,
      day: event.day,
      storeKey: event.storeId ?? "",
      staffKey: event.staffMemberId ?? "",
      counters: { ...ZERO },
    };
    const add = countersOf(event);
    for (const name of Object.keys(add) as (keyof Counters)[]) row.counters[name] += add[name];
    daily.set(key, row);

    if (event.pointsDelta !== 0) points.set(event.merchantId, (points.get(event.merchantId) ?? 0) + event.pointsDelta);
    // Events written before stampsAfter existed cannot move a card; rebuildStats puts such a merchant right.
    if (typeof event.stampsAfter === "number") {
      if (event.kind === "card_enrolled") moveStampCount(event.merchantId, event.stampsAfter, 1);
      else if (event.stampsDelta !== 0) {
        moveStampCount(event.merchantId, event.stampsAfter - event.stampsDelta, -1);
        moveStampCount(event.merchantId, event.stampsAfter, 1);
      }
    }

    if (event.previousActivityDay !== event.activityDay) {
      const bump = (day: string, delta: number) => {
        const k = `${event.merchantId}|${day}`;
        const current = activity.get(k) ?? { merchantId: event.merchantId, day, delta: 0 };
        current.delta += delta;
        activity.set(k, current);
      };
      if (event.previousActivityDay) bump(event.previousActivityDay, -1);
      bump(event.activityDay, 1);
    }
  }

  for (const row of daily.values()) {
    const c = row.counters;
    await tx.$executeRaw`
      INSERT INTO activity_daily (merchant_id, day, store_key, staff_key, stamps_issued, stamp_rewards_earned, stamp_rewards_redeemed,
        points_issued, points_redeemed, points_expired, catalog_rewards_redeemed, purchases, purchase_cents, new_members, adjustments)
      VALUES (${row.merchantId}::uuid, ${row.day}::date, ${row.storeKey}, ${row.staffKey}, ${c.stampsIssued}::int, ${c.stampRewardsEarned}::int,
        ${c.stampRewardsRedeemed}::int, ${c.pointsIssued}::int, ${c.pointsRedeemed}::int, ${c.pointsExpired}::int, ${c.catalogRewardsRedeemed}::int,
        ${c.purchases}::int, ${c.purchaseCents}::bigint, ${c.newMembers}::int, ${c.adjustments}::int)
      ON CONFLICT (merchant_id, day, store_key, staff_key) DO UPDATE SET
        stamps_issued = activity_daily.stamps_issued + EXCLUDED.stamps_issued,
        stamp_rewards_earned = activity_daily.stamp_rewards_earned + EXCLUDED.stamp_rewards_earned,
        stamp_rewards_redeemed = activity_daily.stamp_rewards_redeemed + EXCLUDED.stamp_rewards_redeemed,
        points_issued = activity_daily.points_issued + EXCLUDED.points_issued,
        points_redeemed = activity_daily.points_redeemed + EXCLUDED.points_redeemed,
        points_expired = activity_daily.points_expired + EXCLUDED.points_expired,
        catalog_rewards_redeemed = activity_daily.catalog_rewards_redeemed + EXCLUDED.catalog_rewards_redeemed,
        purchases = activity_daily.purchases + EXCLUDED.purchases,
        purchase_cents = activity_daily.purchase_cents + EXCLUDED.purchase_cents,
        new_members = activity_daily.new_members + EXCLUDED.new_members,
        adjustments = activity_daily.adjustments + EXCLUDED.adjustments`;
  }
  for (const row of activity.values()) {
    if (row.delta === 0) continue;
    await tx.$executeRaw`
      INSERT INTO card_activity_days (merchant_id, day, cards) VALUES (${row.merchantId}::uuid, ${row.day}::date, ${row.delta}::int)
      ON CONFLICT (merchant_id, day) DO UPDATE SET cards = card_activity_days.cards + EXCLUDED.cards`;
  }
  for (const row of stampCounts.values()) {
    if (row.delta === 0) continue;
    await tx.$executeRaw`
      INSERT INTO card_stamp_counts (merchant_id, stamp_count, cards) VALUES (${row.merchantId}::uuid, ${row.stampCount}::int, ${row.delta}::int)
      ON CONFLICT (merchant_id, stamp_count) DO UPDATE SET cards = card_stamp_counts.cards + EXCLUDED.cards`;
  }
  for (const [merchantId, delta] of points) {
    if (delta === 0) continue;
    await tx.$executeRaw`
      INSERT INTO points_outstanding (merchant_id, points) VALUES (${merchantId}::uuid, ${delta}::bigint)
      ON CONFLICT (merchant_id) DO UPDATE SET points = points_outstanding.points + EXCLUDED.points`;
  }
}
