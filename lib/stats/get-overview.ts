import "server-only";
import type { ServiceContext } from "@/lib/service-context";
import { buildDailySeries, type DailySeries } from "./get-activity-series";
import { liabilityOf, type Liability } from "./get-liability";
import { summarizeProgramStats, type ProgramStats } from "./get-program-stats";
import { loadActivity } from "./load-activity";
import type { MerchantFacts } from "./read-merchant-facts";

export type Overview = Pick<MerchantFacts, "program" | "firstStore"> & {
  stats: ProgramStats;
  liability: Liability;
  /** 90 days in total; the chart asks for the split by store or staff member when it is shown (getActivitySplit). */
  series: DailySeries;
};

/**
 * The dashboard's overview in three parallel statements: 90 days of daily
 * totals (giving both the 30-day statistics and the chart), the 30-day
 * breakdowns by store and staff member, and the merchant's facts (members,
 * names, program, liability). The time zone comes with the session.
 */
export async function getOverview(ctx: ServiceContext, timeZone: string): Promise<Overview> {
  const activity = await loadActivity(ctx.merchantId, timeZone, ctx.clock.now(), 90);
  return {
    program: activity.program,
    firstStore: activity.firstStore,
    stats: summarizeProgramStats(activity),
    liability: liabilityOf(activity),
    series: buildDailySeries(activity.since, activity.today, activity.days),
  };
}
