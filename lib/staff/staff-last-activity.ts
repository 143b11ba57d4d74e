import "server-only";
import { db } from "@/lib/db";
import type { StaffView } from "./staff-view";

/**
 * Staff views with their latest ledger entry as last activity (or the stored
 * last_activity_at, if later): the counter and the API record who made each
 * change in the ledger, not on the staff row. One indexed look-up per member
 * (ledger_entries (merchant_id, staff_member_id, created_at), newest first).
 */
export async function withLastActivity(merchantId: string, views: StaffView[]): Promise<StaffView[]> {
  if (views.length === 0) return views;
  const rows = await db.$queryRaw<{ id: string; at: Date }[]>`
    SELECT s.id::text AS id, l.created_at AS at
    FROM unnest(${views.map((view) => view.id)}::uuid[]) AS s(id)
    CROSS JOIN LATERAL (
      SELECT created_at FROM ledger_entries
      WHERE merchant_id = ${merchantId}::uuid AND staff_member_id = s.id
      ORDER BY created_at DESC LIMIT 1
    ) l`;
  const latest = new Map(rows.map((row) => [row.id, row.at.toISOString()]));
  return views.map((view) => {
    const fromLedger = latest.get(view.id) ?? null;
    const lastActivityAt =
      [view.lastActivityAt, fromLedger]
        .filter((at): at is string => at !== null)
        .sort()
        .at(-1) ?? null;
    return { ...view, lastActivityAt };
  });
}
