import "server-only";
import { getDatabase } from "@/lib/db";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import type { DailySeries, DayFigures } from "@/lib/stats/get-activity-series";
import type { AdminContext } from "./admin-context";
import type { PlatformStats } from "./schemas";

export type PlatformOverview = { stats: PlatformStats; series: DailySeries };

type CountsRow = {
  merchants: number;
  suspended: number;
  stores: number;
  members: string;
  active: string;
  apple: number;
  google: number;
  failing: number;
  dead: number;
};

type DayRow = { ago: number; stamps: string; points: string; members: string; redemptions: string };

/** The chart covers this many days; the totals the last 30 of them. */
const CHART_DAYS = 90;

/**
 * The platform's figures from the statistics summaries (activity_daily,
 * card_activity_days) and a few counts. "Today" and "the last 30 days" are
 * each merchant's own calendar days: the series is indexed by days ago in
 * the merchant's time zone, so a café in Tokyo and one in Luxembourg both
 * count their today as today. Activity is read per merchant through the
 * summary's primary key (merchant, day), never by scanning the ledger.
 */
export async function getPlatformStats(ctx: AdminContext): Promise<PlatformOverview> {
  const now = ctx.clock.now();
  const database = getDatabase();
  const [counts, days] = await Promise.all([
    database.query<CountsRow>(
      `SELECT
         (SELECT count(*) FROM merchants)::int AS merchants,
         (SELECT count(*) FROM merchants WHERE status = 'suspended')::int AS suspended,
         (SELECT count(*) FROM stores WHERE archived_at IS NULL)::int AS stores,
         (SELECT COALESCE(SUM(cards), 0) FROM card_activity_days)::text AS members,
         (SELECT COALESCE(SUM(c.cards), 0) FROM merchants m
            JOIN card_activity_days c ON c.merchant_id = m.id AND c.day >= (($1::timestamptz AT TIME ZONE m.time_zone)::date - 29))::text AS active,
         (SELECT count(*) FROM cards c WHERE c.apple_last_fetched_at IS NOT NULL
            OR EXISTS (SELECT 1 FROM apple_device_registrations r WHERE r.card_id = c.id))::int AS apple,
         (SELECT count(*) FROM cards WHERE google_object_id IS NOT NULL)::int AS google,
         (SELECT count(*) FROM outbox_events WHERE status = 'pending' AND last_error IS NOT NULL)::int AS failing,
         (SELECT count(*) FROM outbox_events WHERE status = 'dead')::int AS dead`,
      [now.toISOString()],
    ),
    database.query<DayRow>(
      `SELECT a.ago, SUM(a.stamps)::text AS stamps, SUM(a.points)::text AS points, SUM(a.members)::text AS members,
              SUM(a.redemptions)::text AS redemptions
       FROM merchants m
       CROSS JOIN LATERAL (
         SELECT (($1::timestamptz AT TIME ZONE m.time_zone)::date - d.day)::int AS ago,
                d.stamps_issued AS stamps, d.points_issued AS points, d.new_members AS members,
                d.stamp_rewards_redeemed + d.catalog_rewards_redeemed AS redemptions
         FROM activity_daily d
         WHERE d.merchant_id = m.id
           AND d.day BETWEEN (($1::timestamptz AT TIME ZONE m.time_zone)::date - $2::int + 1) AND ($1::timestamptz AT TIME ZONE m.time_zone)::date
       ) a
       GROUP BY a.ago`,
      [now.toISOString(), CHART_DAYS],
    ),
  ]);
  const row = counts.rows[0]!;
  const today = localDayOf(now, "UTC");
  const total: DayFigures[] = Array.from({ length: CHART_DAYS }, () => ({ stamps: 0, points: 0, newMembers: 0, redemptions: 0 }));
  for (const day of days.rows) {
    const index = CHART_DAYS - 1 - day.ago;
    if (index < 0 || index >= CHART_DAYS) continue;
    total[index] = {
      stamps: Number(day.stamps),
      points: Number(day.points),
      newMembers: Number(day.members),
      redemptions: Number(day.redemptions),
    };
  }
  const period = (pick: (figures: DayFigures) => number) => ({
    today: pick(total[CHART_DAYS - 1]!),
    last30Days: total.slice(-30).reduce((sum, figures) => sum + pick(figures), 0),
  });
  return {
    stats: {
      asOf: now.toISOString(),
      merchants: { total: row.merchants, active: row.merchants - row.suspended, suspended: row.suspended },
      stores: row.stores,
      members: Number(row.members),
      activeMembers30Days: Number(row.active),
      newMembers: period((figures) => figures.newMembers),
      stampsIssued: period((figures) => figures.stamps),
      pointsIssued: period((figures) => figures.points),
      rewardsRedeemed: period((figures) => figures.redemptions),
      walletPasses: { apple: row.apple, google: row.google },
      outbox: { failing: row.failing, dead: row.dead },
    },
    series: { days: Array.from({ length: CHART_DAYS }, (_, index) => addDays(today, index - CHART_DAYS + 1)), total },
  };
}
