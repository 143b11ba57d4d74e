import "server-only";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/local-day";
import type { ServiceContext } from "@/lib/service-context";
import { loadActivity, type LoadedActivity } from "./load-activity";
import type { ActivityBreakdownRow, DailyActivityRow } from "./read-daily-activity";
import type { ProgramStats } from "./schemas";

export type { ProgramStats };
type PeriodCounts = ProgramStats["newMembers"];
type Breakdown = Omit<ProgramStats["byStore"][number], "storeId" | "name">;

/**
 * Program statistics from the summaries (never a ledger scan): the last 30
 * days of activity_daily, read day by day, whatever the volume. Days
 * are the merchant's calendar days; figures lag the ledger by the outbox
 * worker's delay (about a second).
 */
export async function getProgramStats(ctx: ServiceContext): Promise<ProgramStats> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true } });
  return summarizeProgramStats(await loadActivity(ctx.merchantId, merchant.timeZone, ctx.clock.now(), 30));
}

/** The statistics of the 30 days up to `today`, from loaded activity (which may cover more days). */
export function summarizeProgramStats(activity: LoadedActivity): ProgramStats {
  const { today, now, timeZone, storeNames: storeName, staffNames: staffName } = activity;
  const weekStart = addDays(today, -6);
  const monthStart = addDays(today, -29);
  const totals = activity.days.filter((row) => row.day >= monthStart);
  const counts = (pick: (row: DailyActivityRow) => number): PeriodCounts => {
    const since = (from: string) => totals.filter((row) => row.day >= from).reduce((sum, row) => sum + pick(row), 0);
    return { today: since(today), last7Days: since(weekStart), last30Days: since(monthStart) };
  };
  const month = (pick: (row: DailyActivityRow) => number) => counts(pick).last30Days;
  const newMembers = counts((row) => row.newMembers);
  const active = activity.activeMembers30Days;
  const rewardsEarned = month((row) => row.stampRewardsEarned);
  const purchases = month((row) => row.purchases);

  return {
    asOf: now.toISOString(),
    timeZone,
    members: activity.members,
    activeMembers30Days: active,
    newMembers,
    // Enrollment counts as activity, so the active members who joined earlier are the returning ones.
    returningMembers30Days: Math.max(0, active - newMembers.last30Days),
    stampsIssued: counts((row) => row.stampsIssued),
    pointsIssued: counts((row) => row.pointsIssued),
    pointsRedeemed: counts((row) => row.pointsRedeemed),
    rewardsEarned: counts((row) => row.stampRewardsEarned),
    rewardsRedeemed: counts((row) => row.stampRewardsRedeemed + row.catalogRewardsRedeemed),
    redemptionRate30Days: rewardsEarned > 0 ? month((row) => row.stampRewardsRedeemed) / rewardsEarned : null,
    averagePurchaseCents30Days: purchases > 0 ? Math.round(month((row) => row.purchaseCents) / purchases) : null,
    byStore: breakdown(activity.breakdown, "storeKey").map(([key, figures]) => ({
      storeId: key || null,
      name: storeName.get(key) ?? null,
      ...figures,
    })),
    byStaff: breakdown(activity.breakdown, "staffKey").map(([key, figures]) => ({
      staffMemberId: key || null,
      name: staffName.get(key) ?? null,
      ...figures,
    })),
  };
}

/** The 30 days per store or per staff member, busiest first. */
function breakdown(rows: ActivityBreakdownRow[], key: "storeKey" | "staffKey"): [string, Breakdown][] {
  const groups = new Map<string, Breakdown>();
  for (const row of rows) {
    const group = row[key];
    if (group === null) continue;
    const figures = groups.get(group) ?? {
      stampsIssued: 0,
      pointsIssued: 0,
      rewardsRedeemed: 0,
      purchases: 0,
      purchaseCents: 0,
      newMembers: 0,
    };
    figures.stampsIssued += row.stampsIssued;
    figures.pointsIssued += row.pointsIssued;
    figures.rewardsRedeemed += row.stampRewardsRedeemed + row.catalogRewardsRedeemed;
    figures.purchases += row.purchases;
    figures.purchaseCents += row.purchaseCents;
    figures.newMembers += row.newMembers;
    groups.set(group, figures);
  }
  return [...groups].sort(([, a], [, b]) => b.stampsIssued + b.pointsIssued - (a.stampsIssued + a.pointsIssued));
}
