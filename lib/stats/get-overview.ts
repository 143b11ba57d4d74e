import "server-only";
import type { ServiceContext } from "@/lib/service-context";
import { buildActivitySeries, type ActivitySeries } from "./get-activity-series";
import { getLiability, type Liability } from "./get-liability";
import { summarizeProgramStats, type ProgramStats } from "./get-program-stats";
import { loadActivity } from "./load-activity";

export type Overview = { stats: ProgramStats; liability: Liability; series: ActivitySeries };

/** The dashboard's overview: 90 days of activity read once, giving both the 30-day statistics and the charts, and the liability. */
export async function getOverview(ctx: ServiceContext): Promise<Overview> {
  const [activity, liability] = await Promise.all([loadActivity(ctx, 90), getLiability(ctx)]);
  return { stats: summarizeProgramStats(activity), liability, series: buildActivitySeries(activity) };
}
