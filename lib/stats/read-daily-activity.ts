import "server-only";
import { getDatabase } from "@/lib/db";

export type DailyCounters = {
  stampsIssued: number;
  stampRewardsEarned: number;
  stampRewardsRedeemed: number;
  pointsIssued: number;
  pointsRedeemed: number;
  catalogRewardsRedeemed: number;
  purchases: number;
  purchaseCents: number;
  newMembers: number;
};

/** How activity is added up: per day in total, per day and store, or per day and staff member. */
export type ActivitySplit = "total" | "store" | "staff";

/** One day's counters, in total (key null) or for one store or staff member (key set; "" is "none"). */
export type DailyActivityRow = DailyCounters & { day: string; key: string | null };

/** The counters of a period added up for one store (storeKey set) or one staff member (staffKey set); "" is "none". */
export type ActivityBreakdownRow = DailyCounters & { storeKey: string | null; staffKey: string | null };

const SUMS = `SUM(stamps_issued)::int AS "stampsIssued", SUM(stamp_rewards_earned)::int AS "stampRewardsEarned",
  SUM(stamp_rewards_redeemed)::int AS "stampRewardsRedeemed", SUM(points_issued)::int AS "pointsIssued",
  SUM(points_redeemed)::int AS "pointsRedeemed", SUM(catalog_rewards_redeemed)::int AS "catalogRewardsRedeemed",
  SUM(purchases)::int AS purchases, SUM(purchase_cents)::text AS "purchaseCents", SUM(new_members)::int AS "newMembers"`;

/**
 * The summary rows of the days `$2`..`$3`, one primary-key lookup per day:
 * the rows read are those of the days asked for, whatever the table's size.
 * OFFSET 0 keeps the planner from flattening the lookup into a join, which
 * it would then run as a scan of all the merchant's days.
 */
const DAYS = `generate_series($2::date, $3::date, interval '1 day') AS d(day)
  CROSS JOIN LATERAL (SELECT * FROM activity_daily WHERE merchant_id = $1::uuid AND day = d.day::date OFFSET 0) a`;

const KEY: Record<ActivitySplit, string> = { total: "NULL::text", store: "a.store_key", staff: "a.staff_key" };

type CounterColumns = Omit<DailyCounters, "purchaseCents"> & { purchaseCents: string };

function counters(row: CounterColumns): DailyCounters {
  return {
    stampsIssued: row.stampsIssued,
    stampRewardsEarned: row.stampRewardsEarned,
    stampRewardsRedeemed: row.stampRewardsRedeemed,
    pointsIssued: row.pointsIssued,
    pointsRedeemed: row.pointsRedeemed,
    catalogRewardsRedeemed: row.catalogRewardsRedeemed,
    purchases: row.purchases,
    purchaseCents: Number(row.purchaseCents),
    newMembers: row.newMembers,
  };
}

/**
 * The activity_daily summary of the merchant-local days `from`..`to`, added
 * up per day in total, or per day and store or staff member. Days without
 * activity have no row. Through the driver, not Prisma: up to a few thousand
 * rows of numbers.
 */
export async function readDailyActivity(merchantId: string, from: string, to: string, split: ActivitySplit): Promise<DailyActivityRow[]> {
  const key = KEY[split];
  const { rows } = await getDatabase().query<CounterColumns & { day: string; key: string | null }>(
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, ${key} AS key, ${SUMS}
     FROM ${DAYS}
     GROUP BY d.day, ${key}
     ORDER BY d.day`,
    [merchantId, from, to],
  );
  return rows.map((row) => ({ day: row.day, key: row.key, ...counters(row) }));
}

/** The days `from`..`to` added up per store and per staff member (the statistics' breakdowns). */
export async function readActivityBreakdown(merchantId: string, from: string, to: string): Promise<ActivityBreakdownRow[]> {
  const { rows } = await getDatabase().query<CounterColumns & { storeKey: string | null; staffKey: string | null; grouping: number }>(
    `SELECT a.store_key AS "storeKey", a.staff_key AS "staffKey", GROUPING(a.store_key, a.staff_key)::int AS grouping, ${SUMS}
     FROM ${DAYS}
     GROUP BY GROUPING SETS ((a.store_key), (a.staff_key))`,
    [merchantId, from, to],
  );
  // GROUPING(store_key, staff_key): 1 = one store (staff rolled up), 2 = one staff member.
  return rows.map((row) => ({
    storeKey: row.grouping === 1 ? row.storeKey : null,
    staffKey: row.grouping === 2 ? row.staffKey : null,
    ...counters(row),
  }));
}
