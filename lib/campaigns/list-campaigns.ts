import "server-only";
import { db } from "@/lib/db";
import type { ServiceContext } from "@/lib/service-context";
import type { CampaignSegment } from "./schemas";

export type CampaignView = { id: string; subject: string; segment: CampaignSegment; recipients: number; createdAt: string };

/** The merchant's sent campaigns, newest first. */
export async function listCampaigns(ctx: ServiceContext, limit = 20): Promise<CampaignView[]> {
  const rows = await db.campaign.findMany({
    where: { merchantId: ctx.merchantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, subject: true, segment: true, recipients: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
