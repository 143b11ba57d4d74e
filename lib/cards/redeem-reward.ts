import "server-only";
import { authorizeStaff } from "@/lib/auth/staff-pin";
import { db } from "@/lib/db";
import { decideRewardRedemption } from "@/lib/domain/rewards";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { IdempotencyInput } from "@/lib/ledger/idempotency";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";
import { loadCardOperation } from "./load-card-operation";
import { refusalError } from "./refusal-error";
import { requireProgramFeature } from "./require-program-feature";
import { replayOf, runBalanceOperation, type OperationOutcome } from "./run-balance-operation";
import { staffClientKey } from "./staff-client-key";

export type RedeemRewardInput = {
  card: CardRef;
  storeId: string;
  staffPin?: string;
  staffId?: string;
  rewardId: string;
  idempotency?: IdempotencyInput;
};

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
  const counter = await loadCardOperation(ctx.merchantId, input.storeId, input.card, input.idempotency?.key);
  const replay = replayOf<RewardRedemptionResult>(counter.replay, input.idempotency);
  if (replay) return replay;
  requireProgramFeature(counter.program, "points", false);
  const reward = await db.reward.findFirst({
    where: { id: input.rewardId, merchantId: ctx.merchantId, programId: counter.program.id },
    select: { id: true, name: true, pointsCost: true, active: true },
  });
  if (!reward)
    throw new AppError("NOT_FOUND", { fieldErrors: { rewardId: ["No reward with this id in the catalog."] } }, "Reward not found.");
  const staff = await authorizeStaff(ctx, {
    storeId: counter.storeId,
    pin: input.staffPin,
    staffId: input.staffId,
    clientKey: staffClientKey(ctx),
    required: counter.program.requireStaffPin,
  });

  return runBalanceOperation(
    ctx,
    input.card,
    input.idempotency,
    (card) => {
      const decision = decideRewardRedemption({ pointsBalance: card.pointsBalance, reward });
      if (!decision.ok) throw refusalError(decision);
      const entryId = newId();
      return {
        result: {
          transactionId: entryId,
          cardNumber: card.cardNumber,
          rewardId: reward.id,
          rewardName: reward.name,
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
          rewardId: reward.id,
        },
      };
    },
    counter.card,
  );
}
