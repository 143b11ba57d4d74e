import "server-only";
import { db } from "@/lib/db";
import { decideRewardRedemption } from "@/lib/domain/rewards";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service-context";
import { refusalError } from "./refusal-error";
import { prepareCounterOperation, type CounterInput } from "./prepare-counter-operation";
import { runBalanceOperation, type OperationOutcome } from "./run-balance-operation";

export type RedeemRewardInput = CounterInput & { rewardId: string };

export type RewardRedemptionResult = {
  transactionId: string;
  cardNumber: string;
  rewardId: string;
  rewardName: string;
  pointsSpent: number;
  pointsBalance: number;
};

/** Redeems a catalog reward the card's points cover. */
export async function redeemReward(ctx: ServiceContext, input: RedeemRewardInput): Promise<OperationOutcome<RewardRedemptionResult>> {
  let reward: { id: string; name: string; pointsCost: number; active: boolean } | null = null;
  const prepared = await prepareCounterOperation<RewardRedemptionResult>(ctx, input, {
    feature: "points",
    earning: false,
    validate: async ({ program }) => {
      reward = await db.reward.findFirst({
        where: { id: input.rewardId, merchantId: ctx.merchantId, programId: program.id },
        select: { id: true, name: true, pointsCost: true, active: true },
      });
      if (!reward) throw new AppError("NOT_FOUND", { fieldErrors: { rewardId: ["validation.rewardNotFound"] } }, "Reward not found.");
    },
  });
  if (prepared.replay) return prepared.replay;
  const { counter, staff } = prepared;
  const chosen = reward!;

  return runBalanceOperation(
    ctx,
    input.card,
    input.idempotency,
    (card) => {
      const decision = decideRewardRedemption({ pointsBalance: card.pointsBalance, reward: chosen });
      if (!decision.ok) throw refusalError(decision);
      const entryId = newId();
      return {
        result: {
          transactionId: entryId,
          cardNumber: card.cardNumber,
          rewardId: chosen.id,
          rewardName: chosen.name,
          pointsSpent: decision.pointsSpent,
          pointsBalance: decision.pointsBalance,
        },
        change: {
          entryId,
          timeZone: counter.timeZone,
          type: "points_redeemed",
          stampsDelta: 0,
          pointsDelta: -decision.pointsSpent,
          lifetime: { pointsSpent: decision.pointsSpent },
          storeId: counter.storeId,
          staffMemberId: staff?.staffMemberId ?? null,
          rewardId: chosen.id,
        },
      };
    },
    counter.card,
  );
}
