import "server-only";
import { authorizeStaff } from "@/lib/auth/staff-pin";
import { decideStampRedemption } from "@/lib/domain/stamps";
import { newId } from "@/lib/ids";
import type { IdempotencyInput } from "@/lib/ledger/idempotency";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";
import { loadCardOperation } from "./load-card-operation";
import { refusalError } from "./refusal-error";
import { requireProgramFeature } from "./require-program-feature";
import { replayOf, runBalanceOperation, type OperationOutcome } from "./run-balance-operation";
import { staffClientKey } from "./staff-client-key";

export type RedeemStampsInput = { card: CardRef; storeId: string; staffPin?: string; staffId?: string; idempotency?: IdempotencyInput };

export type StampRedemptionResult = { transactionId: string; cardNumber: string; stampCount: number; rewardDescription: string | null };

/** Redeems a full stamp card: the reward is handed over and the target is taken off the card. */
export async function redeemStamps(ctx: ServiceContext, input: RedeemStampsInput): Promise<OperationOutcome<StampRedemptionResult>> {
  const counter = await loadCardOperation(ctx.merchantId, input.storeId, input.card, input.idempotency?.key);
  const replay = replayOf<StampRedemptionResult>(counter.replay, input.idempotency);
  if (replay) return replay;
  const { program } = counter;
  requireProgramFeature(program, "stamps", false);
  const staff = await authorizeStaff(ctx, {
    storeId: counter.storeId,
    pin: input.staffPin,
    staffId: input.staffId,
    clientKey: staffClientKey(ctx),
    required: program.requireStaffPin,
  });

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
