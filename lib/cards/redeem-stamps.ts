import "server-only";
import { decideStampRedemption } from "@/lib/domain/stamps";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service-context";
import { refusalError } from "./refusal-error";
import { prepareCounterOperation, type CounterInput } from "./prepare-counter-operation";
import { runBalanceOperation, type OperationOutcome } from "./run-balance-operation";

export type RedeemStampsInput = CounterInput;

export type StampRedemptionResult = { transactionId: string; cardNumber: string; stampCount: number; rewardDescription: string | null };

/** Redeems a full stamp card: the reward is handed over and the target is taken off the card. */
export async function redeemStamps(ctx: ServiceContext, input: RedeemStampsInput): Promise<OperationOutcome<StampRedemptionResult>> {
  const prepared = await prepareCounterOperation<StampRedemptionResult>(ctx, input, { feature: "stamps", earning: false });
  if (prepared.replay) return prepared.replay;
  const { counter, staff } = prepared;
  const { program } = counter;
  return runBalanceOperation(
    ctx,
    input.card,
    input.idempotency,
    (card) => {
      const decision = decideStampRedemption({ stampCount: card.stampCount, stampsTarget: program.stampsTarget });
      if (!decision.ok) throw refusalError(decision);
      const entryId = newId();
      return {
        result: {
          transactionId: entryId,
          cardNumber: card.cardNumber,
          stampCount: decision.stampCount,
          rewardDescription: program.stampsRewardDescription,
        },
        change: {
          entryId,
          timeZone: counter.timeZone,
          type: "stamp_reward_redeemed",
          stampsDelta: decision.stampsDelta,
          pointsDelta: 0,
          lifetime: { stampRewardsRedeemed: 1 },
          storeId: counter.storeId,
          staffMemberId: staff?.staffMemberId ?? null,
        },
      };
    },
    counter.card,
  );
}
