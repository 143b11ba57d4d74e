import "server-only";
import { db } from "@/lib/db";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import type { ServiceContext } from "@/lib/service-context";
import { readDailyActivity, type DailyActivityRow } from "./read-daily-activity";

export type LoadedActivity = {
  now: Date;
  timeZone: string;
  /** The merchant-local day of `now`, "YYYY-MM-DD". */
  today: string;
  /** The first day of `rows`. */
  since: string;
  rows: DailyActivityRow[];
  members: number;
  activeMembers30Days: number;
  storeNames: Map<string, string>;
  staffNames: Map<string, string>;
};

/** What the statistics are computed from: the last `days` days of activity, members, and store and staff names. */
export async function loadActivity(ctx: ServiceContext, days: number): Promise<LoadedActivity> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true } });
  const now = ctx.clock.now();
  const today = localDayOf(now, merchant.timeZone);
  const since = addDays(today, -(days - 1));
  const monthStart = addDays(today, -29);
  const [rows, members, stores, staff] = await Promise.all([
    readDailyActivity(ctx.merchantId, since, today),
    db.$queryRaw<{ members: bigint; active: bigint }[]>`
      SELECT COALESCE(SUM(cards), 0)::bigint AS members,
             COALESCE(SUM(cards) FILTER (WHERE day >= ${monthStart}::date), 0)::bigint AS active
      FROM card_activity_days WHERE merchant_id = ${ctx.merchantId}::uuid`,
    db.store.findMany({ where: { merchantId: ctx.merchantId }, select: { id: true, name: true } }),
    db.staffMember.findMany({ where: { merchantId: ctx.merchantId }, select: { id: true, name: true } }),
  ]);
  return {
    now,
    timeZone: merchant.timeZone,
    today,
    since,
    rows,
    members: Number(members[0]?.members ?? 0),
    activeMembers30Days: Number(members[0]?.active ?? 0),
    storeNames: new Map(stores.map((store) => [store.id, store.name])),
    staffNames: new Map(staff.map((member) => [member.id, member.name])),
  };
}
