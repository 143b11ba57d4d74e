import "server-only";
import type { z } from "zod";
import type { ProgramModel, RewardModel } from "@/lib/db/generated/models";
import type { programViewSchema, rewardViewSchema } from "./schemas";

export type RewardView = z.infer<typeof rewardViewSchema>;

export type ProgramView = z.infer<typeof programViewSchema>;

export function toRewardView(reward: Pick<RewardModel, "id" | "name" | "description" | "pointsCost" | "active">): RewardView {
  return { id: reward.id, name: reward.name, description: reward.description, pointsCost: reward.pointsCost, active: reward.active };
}

export function toProgramView(program: ProgramModel, rewards: RewardModel[]): ProgramView {
  return {
    id: program.id,
    loyaltyType: program.type,
    cardName: program.cardName,
    stampsTarget: program.stampsTarget,
    stampsRewardDescription: program.stampsRewardDescription,
    pointsPerEuro: program.pointsPerEuro,
    maxPurchaseCents: program.maxPurchaseCents,
    cooldownMinutes: program.cooldownMinutes,
    maxDailyStamps: program.maxDailyStamps,
    requireStaffPin: program.requireStaffPin,
    staffSessionIdleMinutes: program.staffSessionIdleMinutes,
    staffSessionMaxHours: program.staffSessionMaxHours,
    pointsExpiryMonths: program.pointsExpiryMonths,
    birthdayRewardEnabled: program.birthdayRewardEnabled,
    birthdayRewardStamps: program.birthdayRewardStamps,
    birthdayRewardPoints: program.birthdayRewardPoints,
    walletBarcode: program.walletBarcode,
    cardColor: program.backgroundColor,
    foregroundColor: program.foregroundColor,
    labelColor: program.labelColor,
    hasLogo: program.logo !== null,
    active: program.active,
    rewards: rewards.map(toRewardView),
    createdAt: program.createdAt.toISOString(),
    updatedAt: program.updatedAt.toISOString(),
  };
}

/** API field names → Prisma columns. */
export function programData(input: {
  loyaltyType?: "stamps" | "points" | "hybrid";
  cardColor?: string;
  [key: string]: unknown;
}): Record<string, unknown> {
  const { loyaltyType, cardColor, ...rest } = input;
  return {
    ...rest,
    ...(loyaltyType !== undefined ? { type: loyaltyType } : {}),
    ...(cardColor !== undefined ? { backgroundColor: cardColor } : {}),
  };
}
