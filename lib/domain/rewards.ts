import type { Accepted, Refused } from "./decisions";

export type RewardRedemptionDecision =
  | Accepted<{ pointsSpent: number; pointsBalance: number }>
  | Refused<"REWARD_NOT_AVAILABLE", { reason: "retired" }>
  | Refused<"INSUFFICIENT_POINTS", { pointsNeeded: number; pointsBalance: number }>;

/** A catalog reward costs its points; the balance never goes below zero, and a retired reward is not offered. */
export function decideRewardRedemption({
  pointsBalance,
  reward,
}: {
  pointsBalance: number;
  reward: { pointsCost: number; active: boolean };
}): RewardRedemptionDecision {
  if (!reward.active) return { ok: false, code: "REWARD_NOT_AVAILABLE", reason: "retired" };
  if (pointsBalance < reward.pointsCost) {
    return { ok: false, code: "INSUFFICIENT_POINTS", pointsNeeded: reward.pointsCost - pointsBalance, pointsBalance };
  }
  return { ok: true, pointsSpent: reward.pointsCost, pointsBalance: pointsBalance - reward.pointsCost };
}
