import "server-only";
import { db } from "@/lib/db";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import type { ServiceContext } from "@/lib/service-context";

export type DayFigures = { stamps: number; points: number; newMembers: number; redemptions: number };

export type ActivitySeries = {
  /** The merchant-local days covered, oldest first ("YYYY-MM-DD"). */
  days: string[];
  total: DayFigures[];
  /** One series per store (storeId null: activity with no store, e.g. API enrollments without one). */
  byStore: { storeId: string | null; name: string | null; figures: DayFigures[] }[];
  byStaff: { staffMemberId: string | null; name: string | null; figures: DayFigures[] }[];
};

type Row = {
  day: string;
  storeKey: string | null;
  staffKey: string | null;
  grouping: number;
  stamps: bigint;
  points: bigint;
  newMembers: bigint;
  redemptions: bigint;
};

const ZERO: DayFigures = { stamps: 0, points: 0, newMembers: 0, redemptions: 0 };

/**
 * Day-by-day activity of the last `days` merchant-local days, in total, by
 * store and by staff member, from the activity_daily summary (at most one row
 * per day, store and staff member: a few thousand rows for 90 days of a
 * chain, never the ledger). Days without activity are zeros.
 */
export async function getActivitySeries(ctx: ServiceContext, days: 30 | 90): Promise<ActivitySeries> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true } });
  const today = localDayOf(ctx.clock.now(), merchant.timeZone);
  const since = addDays(today, -(days - 1));
  const [rows, stores, staff] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, store_key AS "storeKey", staff_key AS "staffKey",
             GROUPING(store_key, staff_key)::int AS grouping,
             SUM(stamps_issued)::bigint AS stamps, SUM(points_issued)::bigint AS points, SUM(new_members)::bigint AS "newMembers",
             SUM(stamp_rewards_redeemed + catalog_rewards_redeemed)::bigint AS redemptions
      FROM activity_daily
      WHERE merchant_id = ${ctx.merchantId}::uuid AND day >= ${since}::date AND day <= ${today}::date
      GROUP BY GROUPING SETS ((day), (day, store_key), (day, staff_key))`,
    db.store.findMany({ where: { merchantId: ctx.merchantId }, select: { id: true, name: true } }),
    db.staffMember.findMany({ where: { merchantId: ctx.merchantId }, select: { id: true, name: true } }),
  ]);

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
      stamps: Number(row.stamps),
      points: Number(row.points),
      newMembers: Number(row.newMembers),
      redemptions: Number(row.redemptions),
    };
    // GROUPING(store_key, staff_key): 3 = day only, 1 = by store (staff rolled up), 2 = by staff member.
    if (row.grouping === 3) total[index] = figures;
    else if (row.grouping === 1) {
      const series = byStore.get(row.storeKey ?? "") ?? empty();
      series[index] = figures;
      byStore.set(row.storeKey ?? "", series);
    } else if (row.grouping === 2) {
      const series = byStaff.get(row.staffKey ?? "") ?? empty();
      series[index] = figures;
      byStaff.set(row.staffKey ?? "", series);
    }
  }
  const storeName = new Map(stores.map((store) => [store.id, store.name]));
  const staffName = new Map(staff.map((member) => [member.id, member.name]));
  return {
    days: dayList,
    total,
    byStore: [...byStore].map(([key, figures]) => ({ storeId: key || null, name: storeName.get(key) ?? null, figures })),
    byStaff: [...byStaff].map(([key, figures]) => ({ staffMemberId: key || null, name: staffName.get(key) ?? null, figures })),
  };
}
