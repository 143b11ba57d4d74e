import "server-only";
import { getDatabase } from "@/lib/db";

export type MerchantFigures = { members: number; activeMembers30Days: number };

/**
 * Members and members active in each merchant's last 30 local days, from
 * card_activity_days (a row per merchant and day with activity): one
 * statement for a page of merchants, whatever their number of cards.
 */
export async function readMerchantFigures(merchantIds: string[], now: Date): Promise<Map<string, MerchantFigures>> {
  if (merchantIds.length === 0) return new Map();
  const { rows } = await getDatabase().query<{ id: string; members: string; active: string }>(
    `SELECT m.id,
       (SELECT COALESCE(SUM(cards), 0) FROM card_activity_days c WHERE c.merchant_id = m.id)::text AS members,
       (SELECT COALESCE(SUM(cards), 0) FROM card_activity_days c
         WHERE c.merchant_id = m.id AND c.day >= (($2::timestamptz AT TIME ZONE m.time_zone)::date - 29))::text AS active
     FROM merchants m WHERE m.id = ANY($1::uuid[])`,
    [merchantIds, now.toISOString()],
  );
  return new Map(rows.map((row) => [row.id, { members: Number(row.members), activeMembers30Days: Number(row.active) }]));
}
