import "server-only";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/local-day";
import type { ServiceContext } from "@/lib/service-context";
import { loadActivity, type LoadedActivity } from "./load-activity";

export type DayFigures = { stamps: number; points: number; newMembers: number; redemptions: number };

export type ActivitySeries = {
  /** The merchant-local days covered, oldest first ("YYYY-MM-DD"). */
  days: string[];
  total: DayFigures[];
  /** One series per store (storeId null: activity with no store, e.g. API enrollments without one). */
  byStore: { storeId: string | null; name: string | null; figures: DayFigures[] }[];
  byStaff: { staffMemberId: string | null; name: string | null; figures: DayFigures[] }[];
};

const ZERO: DayFigures = { stamps: 0, points: 0, newMembers: 0, redemptions: 0 };

/**
 * Day-by-day activity of the last `days` merchant-local days, in total, by
 * store and by staff member, from the activity_daily summary (never the
 * ledger). Days without activity are zeros.
 */
export async function getActivitySeries(ctx: ServiceContext, days: 30 | 90): Promise<ActivitySeries> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true } });
  return buildActivitySeries(await loadActivity(ctx.merchantId, merchant.timeZone, ctx.clock.now(), days));
}

/** The series of every day from `since` to `today` of loaded activity. */
export function buildActivitySeries({ rows, since, today, storeNames: storeName, staffNames: staffName }: LoadedActivity): ActivitySeries {
  const days = daysBetween(since, today) + 1;
  const dayList = Array.from({ length: days }, (_, index) => addDays(since, index));
  const position = new Map(dayList.map((day, index) => [day, index]));
  const empty = () => dayList.map(() => ({ ...ZERO }));
  const total = empty();
  const byStore = new Map<string, DayFigures[]>();
  const byStaff = new Map<string, DayFigures[]>();
  for (const row of rows) {
    const index = position.get(row.day);
    if (index === undefined) continue;
    const figures: DayFigures = {
      stamps: row.stampsIssued,
      points: row.pointsIssued,
      newMembers: row.newMembers,
      redemptions: row.stampRewardsRedeemed + row.catalogRewardsRedeemed,
    };
    const [series, key] = row.storeKey !== null ? [byStore, row.storeKey] : row.staffKey !== null ? [byStaff, row.staffKey] : [null, ""];
    if (!series) {
      total[index] = figures;
      continue;
    }
    const list = series.get(key) ?? empty();
    list[index] = figures;
    series.set(key, list);
  }
  return {
    days: dayList,
    total,
    byStore: [...byStore].map(([key, figures]) => ({ storeId: key || null, name: storeName.get(key) ?? null, figures })),
    byStaff: [...byStaff].map(([key, figures]) => ({ staffMemberId: key || null, name: staffName.get(key) ?? null, figures })),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
