import "server-only";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import { readDailyActivity, type DailyActivityRow } from "./read-daily-activity";
import { readMerchantFacts, type MerchantFacts } from "./read-merchant-facts";

export type LoadedActivity = MerchantFacts & {
  now: Date;
  timeZone: string;
  /** The merchant-local day of `now`, "YYYY-MM-DD". */
  today: string;
  /** The first day of `rows`. */
  since: string;
  rows: DailyActivityRow[];
};

/** What the statistics are computed from: the last `days` days of activity and the merchant's facts, in two parallel statements. */
export async function loadActivity(merchantId: string, timeZone: string, now: Date, days: number): Promise<LoadedActivity> {
  const today = localDayOf(now, timeZone);
  const since = addDays(today, -(days - 1));
  const [rows, facts] = await Promise.all([
    readDailyActivity(merchantId, since, today),
    readMerchantFacts(merchantId, addDays(today, -29)),
  ]);
  return { ...facts, now, timeZone, today, since, rows };
}
