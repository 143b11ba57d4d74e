import { requireMerchantUser } from "@/lib/auth/session";
import { figureColumns, getActivitySplit } from "@/lib/stats/get-activity-series";

/**
 * The overview chart's 90 days per store or per staff member, as JSON, asked
 * for when the chart is split (the overview page carries the totals only).
 * Names are null for activity without a store or staff member, or for one
 * removed since; the chart names those.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ split: string }> }) {
  const { split } = await params;
  if (split !== "store" && split !== "staff") return Response.json({ error: "Unknown split: use store or staff." }, { status: 404 });
  const { ctx, merchant } = await requireMerchantUser();
  const { days, groups } = await getActivitySplit(ctx, merchant.timeZone, 90, split);
  return Response.json(
    { days, groups: groups.map((group) => ({ id: group.id, name: group.name, values: figureColumns(group.figures) })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
