import "server-only";
import { decidePurchase } from "@/lib/domain/points";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service-context";
import { refusalError } from "./refusal-error";
import { prepareCounterOperation, type CounterInput } from "./prepare-counter-operation";
import { runBalanceOperation, type OperationOutcome } from "./run-balance-operation";

export type EarnPointsInput = CounterInput & { purchaseAmountCents: number; orderReference?: string };

export type PointsResult = {
  transactionId: string;
  cardNumber: string;
  pointsEarned: number;
  pointsBalance: number;
  purchaseAmountCents: number;
};

/** Credits the points a purchase earns: floor(cents × points per euro / 100). */
export async function earnPoints(ctx: ServiceContext, input: EarnPointsInput): Promise<OperationOutcome<PointsResult>> {
  let pointsEarned = 0;
  const prepared = await prepareCounterOperation<PointsResult>(ctx, input, {
    feature: "points",
    earning: true,
    validate: ({ program }) => {
      const purchase = decidePurchase({
        purchaseCents: input.purchaseAmountCents,
        pointsPerEuro: program.pointsPerEuro,
        maxPurchaseCents: program.maxPurchaseCents,
      });
      if (!purchase.ok) throw refusalError(purchase);
      pointsEarned = purchase.pointsEarned;
    },
  });
  if (prepared.replay) return prepared.replay;
  const { counter, staff } = prepared;

  return runBalanceOperation(
    ctx,
    input.card,
    input.idempotency,
    (card) => {
      const entryId = newId();
      return {
        result: {
          transactionId: entryId,
          cardNumber: card.cardNumber,
          pointsEarned,
          pointsBalance: card.pointsBalance + pointsEarned,
          purchaseAmountCents: input.purchaseAmountCents,
        },
        change: {
          entryId,
          timeZone: counter.timeZone,
          type: "points_earned",
          stampsDelta: 0,
          pointsDelta: pointsEarned,
          lifetime: { pointsEarned },
          storeId: counter.storeId,
          staffMemberId: staff?.staffMemberId ?? null,
          purchaseCents: input.purchaseAmountCents,
          orderReference: input.orderReference ?? null,
        },
      };
    },
    counter.card,
  );
}
