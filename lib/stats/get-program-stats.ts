import "server-only";
import { db } from "@/lib/db";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import type { ServiceContext } from "@/lib/service-context";
import type { ProgramStats } from "./schemas";

export type { ProgramStats };
type PeriodCounts = ProgramStats["newMembers"];
type Breakdown = Omit<ProgramStats["byStore"][number], "storeId" | "name">;

type PeriodRow = {
  period: "today" | "week" | "month";
  stamps: bigint;
  points: bigint;
  pointsRedeemed: bigint;
  rewardsEarned: bigint;
  stampRewardsRedeemed: bigint;
  catalogRedeemed: bigint;
  purchases: bigint;
  purchaseCents: bigint;
  newMembers: bigint;
};

type GroupRow = {
  key: string;
  stamps: bigint;
  points: bigint;
  redeemed: bigint;
  purchases: bigint;
  purchaseCents: bigint;
  newMembers: bigint;
};

/**
 * Program statistics from the summaries (never a ledger scan): at most a few
 * hundred summary rows per merchant and 30 days, whatever the volume. Days
 * are the merchant's calendar days; figures lag the ledger by the outbox
 * worker's delay (about a second).
 */
export async function getProgramStats(ctx: ServiceContext): Promise<ProgramStats> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true } });
  const now = ctx.clock.now();
  const today = localDayOf(now, merchant.timeZone);
  const weekStart = addDays(today, -6);
  const monthStart = addDays(today, -29);
  const id = ctx.merchantId;

  const [periods, members, stores, staff, storeNames, staffNames] = await Promise.all([
    db.$queryRaw<PeriodRow[]>`
      SELECT p.period,
        COALESCE(SUM(a.stamps_issued), 0)::bigint AS stamps, COALESCE(SUM(a.points_issued), 0)::bigint AS points,
        COALESCE(SUM(a.points_redeemed), 0)::bigint AS "pointsRedeemed",
        COALESCE(SUM(a.stamp_rewards_earned), 0)::bigint AS "rewardsEarned",
        COALESCE(SUM(a.stamp_rewards_redeemed), 0)::bigint AS "stampRewardsRedeemed",
        COALESCE(SUM(a.catalog_rewards_redeemed), 0)::bigint AS "catalogRedeemed",
        COALESCE(SUM(a.purchases), 0)::bigint AS purchases, COALESCE(SUM(a.purchase_cents), 0)::bigint AS "purchaseCents",
        COALESCE(SUM(a.new_members), 0)::bigint AS "newMembers"
      FROM (VALUES ('today', ${today}::date), ('week', ${weekStart}::date), ('month', ${monthStart}::date)) AS p(period, since)
      LEFT JOIN activity_daily a ON a.merchant_id = ${id}::uuid AND a.day >= p.since AND a.day <= ${today}::date
      GROUP BY p.period`,
    db.$queryRaw<{ members: bigint; active: bigint }[]>`
      SELECT COALESCE(SUM(cards), 0)::bigint AS members,
             COALESCE(SUM(cards) FILTER (WHERE day >= ${monthStart}::date), 0)::bigint AS active
      FROM card_activity_days WHERE merchant_id = ${id}::uuid`,
    groupBy("store_key", id, monthStart),
    groupBy("staff_key", id, monthStart),
    db.store.findMany({ where: { merchantId: id }, select: { id: true, name: true } }),
    db.staffMember.findMany({ where: { merchantId: id }, select: { id: true, name: true } }),
  ]);

  const byPeriod = (name: PeriodRow["period"]) => periods.find((row) => row.period === name)!;
  const counts = (pick: (row: PeriodRow) => bigint): PeriodCounts => ({
    today: Number(pick(byPeriod("today"))),
    last7Days: Number(pick(byPeriod("week"))),
    last30Days: Number(pick(byPeriod("month"))),
  });
  const month = byPeriod("month");
  const newMembers = counts((row) => row.newMembers);
  const active = Number(members[0]?.active ?? 0);
  const storeName = new Map(storeNames.map((store) => [store.id, store.name]));
  const staffName = new Map(staffNames.map((member) => [member.id, member.name]));
  const breakdown = (row: GroupRow): Breakdown => ({
    stampsIssued: Number(row.stamps),
    pointsIssued: Number(row.points),
    rewardsRedeemed: Number(row.redeemed),
    purchases: Number(row.purchases),
    purchaseCents: Number(row.purchaseCents),
    newMembers: Number(row.newMembers),
  });

  return {
    asOf: now.toISOString(),
    timeZone: merchant.timeZone,
    members: Number(members[0]?.members ?? 0),
    activeMembers30Days: active,
    newMembers,
    // Enrollment counts as activity, so the active members who joined earlier are the returning ones.
    returningMembers30Days: Math.max(0, active - newMembers.last30Days),
    stampsIssued: counts((row) => row.stamps),
    pointsIssued: counts((row) => row.points),
    pointsRedeemed: counts((row) => row.pointsRedeemed),
    rewardsEarned: counts((row) => row.rewardsEarned),
    rewardsRedeemed: counts((row) => row.stampRewardsRedeemed + row.catalogRedeemed),
    redemptionRate30Days: month.rewardsEarned > 0n ? Number(month.stampRewardsRedeemed) / Number(month.rewardsEarned) : null,
    averagePurchaseCents30Days: month.purchases > 0n ? Math.round(Number(month.purchaseCents) / Number(month.purchases)) : null,
    byStore: stores.map((row) => ({ storeId: row.key || null, name: storeName.get(row.key) ?? null, ...breakdown(row) })),
    byStaff: staff.map((row) => ({ staffMemberId: row.key || null, name: staffName.get(row.key) ?? null, ...breakdown(row) })),
  };
}

function groupBy(column: "store_key" | "staff_key", merchantId: string, since: string) {
  // The column name is one of two constants, never input.
  return db.$queryRawUnsafe<GroupRow[]>(
    `SELECT ${column} AS key, SUM(stamps_issued)::bigint AS stamps, SUM(points_issued)::bigint AS points,
            SUM(stamp_rewards_redeemed + catalog_rewards_redeemed)::bigint AS redeemed, SUM(purchases)::bigint AS purchases,
            SUM(purchase_cents)::bigint AS "purchaseCents", SUM(new_members)::bigint AS "newMembers"
     FROM activity_daily WHERE merchant_id = $1::uuid AND day >= $2::date
     GROUP BY ${column} ORDER BY SUM(stamps_issued + points_issued) DESC`,
    merchantId,
    since,
  );
}
