import "server-only";
import { authorizeStaff } from "@/lib/auth/staff-pin";
import { decidePurchase } from "@/lib/domain/points";
import { newId } from "@/lib/ids";
import type { IdempotencyInput } from "@/lib/ledger/idempotency";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";
import { loadCardOperation } from "./load-card-operation";
import { refusalError } from "./refusal-error";
import { requireProgramFeature } from "./require-program-feature";
import { replayOf, runBalanceOperation, type OperationOutcome } from "./run-balance-operation";
import { staffClientKey } from "./staff-client-key";

export type EarnPointsInput = {
  card: CardRef;
  storeId: string;
  staffPin?: string;
  staffId?: string;
  purchaseAmountCents: number;
  orderReference?: string;
  idempotency?: IdempotencyInput;
};

export type PointsResult = {
  transactionId: string;
  cardNumber: string;
  pointsEarned: number;
  pointsBalance: number;
  purchaseAmountCents: number;
};

/** Credits the points a purchase earns: floor(cents × points per euro / 100). */
export async function earnPoints(ctx: ServiceContext, input: EarnPointsInput): Promise<OperationOutcome<PointsResult>> {
  const counter = await loadCardOperation(ctx.merchantId, input.storeId, input.card, input.idempotency?.key);
  const replay = replayOf<PointsResult>(counter.replay, input.idempotency);
  if (replay) return replay;
  const { program } = counter;
  requireProgramFeature(program, "points", true);
  const purchase = decidePurchase({
    purchaseCents: input.purchaseAmountCents,
    pointsPerEuro: program.pointsPerEuro,
    maxPurchaseCents: program.maxPurchaseCents,
  });
  if (!purchase.ok) throw refusalError(purchase);
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
      const entryId = newId();
      return {
        result: {
          transactionId: entryId,
          cardNumber: card.cardNumber,
          pointsEarned: purchase.pointsEarned,
          pointsBalance: card.pointsBalance + purchase.pointsEarned,
          purchaseAmountCents: input.purchaseAmountCents,
        },
        change: {
          entryId,
          timeZone: counter.timeZone,
          type: "points_earned",
          stampsDelta: 0,
          pointsDelta: purchase.pointsEarned,
          lifetime: { pointsEarned: purchase.pointsEarned },
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
