import "server-only";
import { db } from "@/lib/db";
import { BALANCE_TRANSACTION_OPTIONS, isUniqueViolation, type Tx } from "@/lib/db/transaction";
import { applyBalanceChange, type BalanceChange } from "@/lib/ledger/apply-balance-change";
import { findReplay, type IdempotencyInput } from "@/lib/ledger/idempotency";
import { lockCard, type CardRef, type LockedCard } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";

export type OperationOutcome<T> = { result: T; replayed: boolean };

type Work<T> = (tx: Tx, card: LockedCard, now: Date) => Promise<{ result: T; change: Omit<BalanceChange, "card" | "idempotency"> }>;

/**
 * The shape of every balance change: one transaction that locks the card,
 * answers a repeated idempotency key with its first answer, lets `work`
 * decide (a refusal throws and writes nothing), then writes the change.
 * Refusals are not stored: a repeated refused request is decided again.
 * The operation reads the clock once, after taking the lock: the decision
 * and the timestamps it writes are the same instant.
 */
export async function runBalanceOperation<T>(
  ctx: ServiceContext,
  card: CardRef,
  idempotency: IdempotencyInput | undefined,
  work: Work<T>,
): Promise<OperationOutcome<T>> {
  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockCard(tx, ctx.merchantId, card);
      if (idempotency) {
        const replay = await findReplay<T>(ctx.merchantId, idempotency, tx);
        if (replay) return { result: replay, replayed: true };
      }
      const now = ctx.clock.now();
      const { result, change } = await work(tx, locked, now);
      const atNow: ServiceContext = { ...ctx, clock: { now: () => now } };
      await applyBalanceChange(tx, atNow, { ...change, card: locked, idempotency: idempotency && { ...idempotency, response: result } });
      return { result, replayed: false };
    }, BALANCE_TRANSACTION_OPTIONS);
  } catch (error) {
    // The same key raced in on another card (a client bug): the first answer wins, or a conflict.
    if (idempotency && isUniqueViolation(error, "idempotency_records")) {
      const replay = await findReplay<T>(ctx.merchantId, idempotency);
      if (replay) return { result: replay, replayed: true };
    }
    throw error;
  }
}
