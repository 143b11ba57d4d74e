import "server-only";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import { readActivityBreakdown, readDailyActivity, type ActivityBreakdownRow, type DailyActivityRow } from "./read-daily-activity";
import { readMerchantFacts, type MerchantFacts } from "./read-merchant-facts";

export type LoadedActivity = MerchantFacts & {
  now: Date;
  timeZone: string;
  /** The merchant-local day of `now`, "YYYY-MM-DD". */
  today: string;
  /** The first day of `days`. */
  since: string;
  /** The daily totals from `since` to `today` (days without activity have no row). */
  days: DailyActivityRow[];
  /** The last 30 days added up per store and per staff member. */
  breakdown: ActivityBreakdownRow[];
};

/** What the statistics are computed from: daily totals of the last `days` days, the 30-day breakdowns and the merchant's facts, in three parallel statements. */
export async function loadActivity(merchantId: string, timeZone: string, now: Date, days: number): Promise<LoadedActivity> {
  const today = localDayOf(now, timeZone);
  const since = addDays(today, -(days - 1));
  const monthStart = addDays(today, -29);
  const [totals, breakdown, facts] = await Promise.all([
    readDailyActivity(merchantId, since, today, "total"),
    readActivityBreakdown(merchantId, monthStart, today),
    readMerchantFacts(merchantId, monthStart),
  ]);
  return { ...facts, now, timeZone, today, since, days: totals, breakdown };
}
