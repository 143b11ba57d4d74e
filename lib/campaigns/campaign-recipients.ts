import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/transaction";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";
import type { CampaignSegment } from "./schemas";

const DAY_MS = 86_400_000;

/**
 * The merchant's cards a campaign to `segment` goes to: always only customers with an address, email consent and
 * data not erased. "Inactive 30 days": no activity (or, never used, enrolled) for 30 days. "Reward available": a
 * full stamp card, or points enough for the cheapest active catalog reward.
 */
export async function campaignRecipientsWhere(
  tx: Tx,
  merchantId: string,
  segment: CampaignSegment,
  now: Date,
): Promise<Prisma.CardWhereInput> {
  const base: Prisma.CardWhereInput = { merchantId, customer: { emailConsent: true, erasedAt: null, email: { not: null } } };
  if (segment === "all_consented") return base;
  if (segment === "inactive_30_days") {
    const cutoff = new Date(now.getTime() - 30 * DAY_MS);
    return { ...base, OR: [{ lastActivityAt: { lt: cutoff } }, { lastActivityAt: null, createdAt: { lt: cutoff } }] };
  }
  const program = await tx.program.findUnique({ where: { merchantId }, select: { type: true, stampsTarget: true } });
  if (!program) return { ...base, id: { in: [] } };
  const cheapest = usesPoints(program.type)
    ? await tx.reward.findFirst({ where: { merchantId, active: true }, orderBy: { pointsCost: "asc" }, select: { pointsCost: true } })
    : null;
  const available: Prisma.CardWhereInput[] = [
    ...(usesStamps(program.type) ? [{ stampCount: { gte: program.stampsTarget } }] : []),
    ...(cheapest ? [{ pointsBalance: { gte: cheapest.pointsCost } }] : []),
  ];
  return available.length > 0 ? { ...base, OR: available } : { ...base, id: { in: [] } };
}
