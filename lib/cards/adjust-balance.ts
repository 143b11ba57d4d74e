import "server-only";
import { db } from "@/lib/db";
import { decideAdjustment } from "@/lib/domain/adjustment";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { IdempotencyInput } from "@/lib/ledger/idempotency";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";
import { refusalError } from "./refusal-error";
import { runBalanceOperation, type OperationOutcome } from "./run-balance-operation";

export type AdjustBalanceInput = {
  card: CardRef;
  stampsDelta: number;
  pointsDelta: number;
  reason: string;
  idempotency?: IdempotencyInput;
};

export type AdjustmentResult = { transactionId: string; cardNumber: string; stampCount: number; pointsBalance: number };

/** A manager's or owner's correction of a card's balances, with a reason, never below zero. */
export async function adjustBalance(ctx: ServiceContext, input: AdjustBalanceInput): Promise<OperationOutcome<AdjustmentResult>> {
  const [merchant, program] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true } }),
    db.program.findUnique({ where: { merchantId: ctx.merchantId }, select: { type: true } }),
  ]);
  if (!program) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet.");
  const role = ctx.actor.type === "user" ? ctx.actor.role : ctx.actor.type === "api_key" ? "api_key" : "staff";

  return runBalanceOperation(ctx, input.card, input.idempotency, (card) => {
    const decision = decideAdjustment({
      role,
      reason: input.reason,
      stampsDelta: input.stampsDelta,
      pointsDelta: input.pointsDelta,
      card,
      programType: program.type,
    });
    if (!decision.ok) {
      if (decision.code === "FORBIDDEN") throw new AppError("FORBIDDEN", {}, "Only a manager or the owner can adjust a balance.");
      throw refusalError(decision);
    }
    const entryId = newId();
    return {
      result: {
        transactionId: entryId,
        cardNumber: card.cardNumber,
        stampCount: decision.stampCount,
        pointsBalance: decision.pointsBalance,
      },
      change: {
        entryId,
        timeZone: merchant.timeZone,
        type: "manual_adjustment",
        stampsDelta: input.stampsDelta,
        pointsDelta: input.pointsDelta,
        storeId: null,
        staffMemberId: null,
        reason: input.reason.trim(),
      },
    };
  });
}
