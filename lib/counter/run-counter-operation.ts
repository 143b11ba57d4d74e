import "server-only";
import { addStamp } from "@/lib/cards/add-stamp";
import { earnPoints } from "@/lib/cards/earn-points";
import { redeemReward } from "@/lib/cards/redeem-reward";
import { redeemStamps } from "@/lib/cards/redeem-stamps";
import { hashRequest } from "@/lib/ledger/idempotency";
import type { ServiceContext } from "@/lib/service-context";
import type { CounterCard } from "./counter-views";
import { getCounterCard } from "./get-counter-card";
import type { CounterOperationInput } from "./schemas";

export type CounterOperationOutcome = {
  kind: CounterOperationInput["kind"];
  /** The card after the change. */
  card: CounterCard;
  rewardEarned: boolean;
  pointsEarned: number | null;
  rewardName: string | null;
  nextStampAvailableAt: string | null;
  replayed: boolean;
};

/**
 * One balance change from a paired counter, attributed to the staff member of the device's open
 * session, at the device's store, through the engine's services with the browser's idempotency
 * key (the same key and request give the first answer again, never a second change).
 */
export async function runCounterOperation(
  ctx: ServiceContext,
  scope: { storeId: string; staffMemberId: string },
  input: CounterOperationInput,
): Promise<CounterOperationOutcome> {
  const { idempotencyKey, kind, ...request } = input;
  const card = { cardNumber: input.cardNumber };
  const common = {
    card,
    storeId: scope.storeId,
    sessionStaffId: scope.staffMemberId,
    idempotency: {
      key: `counter:${idempotencyKey}`,
      requestHash: hashRequest("POST", `/counter/${kind}`, { ...request, storeId: scope.storeId }),
    },
  };
  const base = { kind, rewardEarned: false, pointsEarned: null, rewardName: null, nextStampAvailableAt: null };
  let outcome: Omit<CounterOperationOutcome, "card">;
  switch (input.kind) {
    case "stamp": {
      const { result, replayed } = await addStamp(ctx, common);
      outcome = {
        ...base,
        rewardEarned: result.rewardEarned,
        rewardName: result.rewardDescription,
        nextStampAvailableAt: result.nextStampAvailableAt,
        replayed,
      };
      break;
    }
    case "redeemStamps": {
      const { result, replayed } = await redeemStamps(ctx, common);
      outcome = { ...base, rewardName: result.rewardDescription, replayed };
      break;
    }
    case "earnPoints": {
      const { result, replayed } = await earnPoints(ctx, { ...common, purchaseAmountCents: input.purchaseAmountCents });
      outcome = { ...base, pointsEarned: result.pointsEarned, replayed };
      break;
    }
    case "redeemReward": {
      const { result, replayed } = await redeemReward(ctx, { ...common, rewardId: input.rewardId });
      outcome = { ...base, rewardName: result.rewardName, replayed };
      break;
    }
  }
  return { ...outcome, card: await getCounterCard(ctx, card) };
}
