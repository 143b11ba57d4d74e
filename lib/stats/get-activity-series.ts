import "server-only";
import { db } from "@/lib/db";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import type { ServiceContext } from "@/lib/service-context";
import { loadActivity } from "./load-activity";
import { readDailyActivity, type DailyActivityRow } from "./read-daily-activity";
import { readMerchantFacts } from "./read-merchant-facts";

export type DayFigures = { stamps: number; points: number; newMembers: number; redemptions: number };

/** Day-by-day figures in total. */
export type DailySeries = {
  /** The merchant-local days covered, oldest first ("YYYY-MM-DD"). */
  days: string[];
  total: DayFigures[];
};

/** Day-by-day figures of each store or staff member (id null: activity without one, e.g. API enrollments; name null: removed since). */
export type SplitSeries = { id: string | null; name: string | null; figures: DayFigures[] }[];

export type ActivitySeries = DailySeries & { byStore: SplitSeries; byStaff: SplitSeries };

const ZERO: DayFigures = { stamps: 0, points: 0, newMembers: 0, redemptions: 0 };

/**
 * Day-by-day activity of the last `days` merchant-local days, in total, by
 * store and by staff member, from the activity_daily summary (never the
 * ledger). Days without activity are zeros.
 */
export async function getActivitySeries(ctx: ServiceContext, days: 30 | 90): Promise<ActivitySeries> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true } });
  const [activity, byStore, byStaff] = await Promise.all([
    loadActivity(ctx.merchantId, merchant.timeZone, ctx.clock.now(), days),
    getActivitySplit(ctx, merchant.timeZone, days, "store"),
    getActivitySplit(ctx, merchant.timeZone, days, "staff"),
  ]);
  return { ...buildDailySeries(activity.since, activity.today, activity.days), byStore: byStore.groups, byStaff: byStaff.groups };
}

/**
 * The last `days` days per store or per staff member: what the overview's
 * chart asks for when it is split (its page carries the totals only).
 */
export async function getActivitySplit(
  ctx: ServiceContext,
  timeZone: string,
  days: number,
  split: "store" | "staff",
): Promise<{ days: string[]; groups: SplitSeries }> {
  const today = localDayOf(ctx.clock.now(), timeZone);
  const since = addDays(today, -(days - 1));
  const [rows, facts] = await Promise.all([
    readDailyActivity(ctx.merchantId, since, today, split),
    readMerchantFacts(ctx.merchantId, addDays(today, -29)),
  ]);
  const names = split === "store" ? facts.storeNames : facts.staffNames;
  const dayList = daysFrom(since, today);
  const position = new Map(dayList.map((day, index) => [day, index]));
  const groups = new Map<string, DayFigures[]>();
  for (const row of rows) {
    const index = position.get(row.day);
    if (index === undefined || row.key === null) continue;
    const list = groups.get(row.key) ?? dayList.map(() => ({ ...ZERO }));
    list[index] = figuresOf(row);
    groups.set(row.key, list);
  }
  return {
    days: dayList,
    groups: [...groups].map(([key, figures]) => ({ id: key || null, name: names.get(key) ?? null, figures })),
  };
}

/** The series of every day from `since` to `today` of daily totals. */
export function buildDailySeries(since: string, today: string, totals: DailyActivityRow[]): DailySeries {
  const days = daysFrom(since, today);
  const position = new Map(days.map((day, index) => [day, index]));
  const total = days.map(() => ({ ...ZERO }));
  for (const row of totals) {
    const index = position.get(row.day);
    if (index !== undefined) total[index] = figuresOf(row);
  }
  return { days, total };
}

/** Day objects as one column per measure (a compact payload for a chart). */
export function figureColumns(days: DayFigures[]): Record<keyof DayFigures, number[]> {
  return {
    stamps: days.map((day) => day.stamps),
    points: days.map((day) => day.points),
    newMembers: days.map((day) => day.newMembers),
    redemptions: days.map((day) => day.redemptions),
  };
}

function figuresOf(row: DailyActivityRow): DayFigures {
  return {
    stamps: row.stampsIssued,
    points: row.pointsIssued,
    newMembers: row.newMembers,
    redemptions: row.stampRewardsRedeemed + row.catalogRewardsRedeemed,
  };
}

function daysFrom(since: string, today: string): string[] {
  const count = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000) + 1;
  return Array.from({ length: count }, (_, index) => addDays(since, index));
}
