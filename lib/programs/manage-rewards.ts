import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { toRewardView, type RewardView } from "./program-view";
import type { CreateRewardInput, UpdateRewardInput } from "./schemas";

/** The rewards catalog, active first then by cost. */
export async function listRewards(ctx: ServiceContext): Promise<RewardView[]> {
  const rewards = await db.reward.findMany({ where: { merchantId: ctx.merchantId }, orderBy: [{ active: "desc" }, { pointsCost: "asc" }] });
  return rewards.map(toRewardView);
}

export async function createReward(ctx: ServiceContext, input: CreateRewardInput): Promise<RewardView> {
  return db.$transaction(async (tx) => {
    const program = await tx.program.findUnique({ where: { merchantId: ctx.merchantId }, select: { id: true } });
    if (!program) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet.");
    const reward = await tx.reward.create({ data: { ...input, merchantId: ctx.merchantId, programId: program.id } });
    await recordAudit(tx, ctx, { action: "reward.created", targetType: "reward", targetId: reward.id, details: input });
    return toRewardView(reward);
  });
}

/** Edits a reward; `active: false` retires it (the ledger keeps referring to it). */
export async function updateReward(ctx: ServiceContext, rewardId: string, input: UpdateRewardInput): Promise<RewardView> {
  return db.$transaction(async (tx) => {
    const existing = await tx.reward.findFirst({ where: { id: rewardId, merchantId: ctx.merchantId }, select: { id: true } });
    if (!existing) throw new AppError("NOT_FOUND", {}, "No reward with this id in the catalog.");
    const reward = await tx.reward.update({ where: { id: existing.id }, data: input });
    await recordAudit(tx, ctx, {
      action: input.active === false ? "reward.retired" : "reward.updated",
      targetType: "reward",
      targetId: reward.id,
      details: input,
    });
    return toRewardView(reward);
  });
}
