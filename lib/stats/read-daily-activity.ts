import "server-only";
import { db } from "@/lib/db";

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

/** One day's counters: in total (both keys null), for one store (storeKey set) or for one staff member (staffKey set); "" is "none". */
export type DailyActivityRow = DailyCounters & { day: string; storeKey: string | null; staffKey: string | null };

type Row = Omit<DailyActivityRow, keyof DailyCounters> & { [K in keyof DailyCounters]: bigint } & { grouping: number };

/**
 * The activity_daily summary of the merchant-local days `from`..`to`, added
 * up per day in total, by store and by staff member. Read one day at a time
 * (a lateral lookup on the summary's primary key per day), so the rows read
 * are those of the days asked for, whatever the planner thinks of the
 * table's size: a few dozen per day for a chain of stores.
 */
export async function readDailyActivity(merchantId: string, from: string, to: string): Promise<DailyActivityRow[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, a."storeKey", a."staffKey", a.grouping,
      a."stampsIssued", a."stampRewardsEarned", a."stampRewardsRedeemed", a."pointsIssued", a."pointsRedeemed",
      a."catalogRewardsRedeemed", a.purchases, a."purchaseCents", a."newMembers"
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d(day)
    CROSS JOIN LATERAL (
      SELECT store_key AS "storeKey", staff_key AS "staffKey", GROUPING(store_key, staff_key)::int AS grouping,
        SUM(stamps_issued)::bigint AS "stampsIssued", SUM(stamp_rewards_earned)::bigint AS "stampRewardsEarned",
        SUM(stamp_rewards_redeemed)::bigint AS "stampRewardsRedeemed", SUM(points_issued)::bigint AS "pointsIssued",
        SUM(points_redeemed)::bigint AS "pointsRedeemed", SUM(catalog_rewards_redeemed)::bigint AS "catalogRewardsRedeemed",
        SUM(purchases)::bigint AS purchases, SUM(purchase_cents)::bigint AS "purchaseCents", SUM(new_members)::bigint AS "newMembers"
      FROM activity_daily
      WHERE merchant_id = ${merchantId}::uuid AND day = d.day::date
      GROUP BY GROUPING SETS ((), (store_key), (staff_key))
    ) a
    WHERE a."stampsIssued" IS NOT NULL`;
  return rows.map((row) => ({
    day: row.day,
    // GROUPING(store_key, staff_key): 3 = the day's total, 1 = one store (staff rolled up), 2 = one staff member.
    storeKey: row.grouping === 1 ? row.storeKey : null,
    staffKey: row.grouping === 2 ? row.staffKey : null,
    stampsIssued: Number(row.stampsIssued),
    stampRewardsEarned: Number(row.stampRewardsEarned),
    stampRewardsRedeemed: Number(row.stampRewardsRedeemed),
    pointsIssued: Number(row.pointsIssued),
    pointsRedeemed: Number(row.pointsRedeemed),
    catalogRewardsRedeemed: Number(row.catalogRewardsRedeemed),
    purchases: Number(row.purchases),
    purchaseCents: Number(row.purchaseCents),
    newMembers: Number(row.newMembers),
  }));
}
