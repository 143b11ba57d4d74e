import "server-only";
import { getDatabase } from "@/lib/db";
import type { ProgramType } from "@/lib/db/generated/enums";

/** What the statistics and the overview need besides the daily activity, read in one statement. */
export type MerchantFacts = {
  members: number;
  activeMembers30Days: number;
  storeNames: Map<string, string>;
  staffNames: Map<string, string>;
  program: { type: ProgramType; stampsTarget: number } | null;
  /** The first open store (the overview points to its poster while there are no members). */
  firstStore: { id: string; name: string } | null;
  /** Rows of card_stamp_counts in use: how many cards hold each stamp count. */
  stampCounts: { stampCount: number; cards: number }[];
  pointsOutstanding: number;
};

type Row = {
  members: string;
  active: string;
  stores: [string, string][] | null;
  staff: [string, string][] | null;
  program: { type: ProgramType; stampsTarget: number } | null;
  firstStore: { id: string; name: string } | null;
  stampCounts: [number, number][] | null;
  points: string | null;
};

/**
 * Members (from card_activity_days: one row per day with activity), store and
 * staff names, the program, and the liability summaries (card_stamp_counts,
 * points_outstanding): a few hundred summary rows at most, in one round trip
 * through the driver.
 */
export async function readMerchantFacts(merchantId: string, monthStart: string): Promise<MerchantFacts> {
  const { rows } = await getDatabase().query<Row>(
    `SELECT
       (SELECT COALESCE(SUM(cards), 0) FROM card_activity_days WHERE merchant_id = $1::uuid)::text AS members,
       (SELECT COALESCE(SUM(cards), 0) FROM card_activity_days WHERE merchant_id = $1::uuid AND day >= $2::date)::text AS active,
       (SELECT json_agg(json_build_array(id, name)) FROM stores WHERE merchant_id = $1::uuid) AS stores,
       (SELECT json_agg(json_build_array(id, name)) FROM staff_members WHERE merchant_id = $1::uuid) AS staff,
       (SELECT json_build_object('type', type, 'stampsTarget', stamps_target) FROM programs WHERE merchant_id = $1::uuid) AS program,
       (SELECT json_build_object('id', id, 'name', name) FROM stores
         WHERE merchant_id = $1::uuid AND archived_at IS NULL ORDER BY created_at LIMIT 1) AS "firstStore",
       (SELECT json_agg(json_build_array(stamp_count, cards)) FROM card_stamp_counts WHERE merchant_id = $1::uuid AND cards > 0) AS "stampCounts",
       (SELECT points FROM points_outstanding WHERE merchant_id = $1::uuid)::text AS points`,
    [merchantId, monthStart],
  );
  const row = rows[0]!;
  return {
    members: Number(row.members),
    activeMembers30Days: Number(row.active),
    storeNames: new Map(row.stores ?? []),
    staffNames: new Map(row.staff ?? []),
    program: row.program,
    firstStore: row.firstStore,
    stampCounts: (row.stampCounts ?? []).map(([stampCount, cards]) => ({ stampCount, cards })),
    pointsOutstanding: Number(row.points ?? 0),
  };
}
