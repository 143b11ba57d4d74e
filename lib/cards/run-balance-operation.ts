import "server-only";
import { db } from "@/lib/db";
import { BALANCE_TRANSACTION_OPTIONS, isUniqueViolation, type Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { applyBalanceChange, type BalanceChange } from "@/lib/ledger/apply-balance-change";
import { findReplay, type IdempotencyInput } from "@/lib/ledger/idempotency";
import { lockCard, type CardRef, type LockedCard } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";

export type OperationOutcome<T> = { result: T; replayed: boolean };

type Work<T> = (
  card: LockedCard,
  now: Date,
) =>
  | Promise<{ result: T; change: Omit<BalanceChange, "card" | "idempotency"> }>
  | { result: T; change: Omit<BalanceChange, "card" | "idempotency"> };

/** The stored answer for a repeated key, or a conflict when the key came with another request. */
export function replayOf<T>(
  replay: { requestHash: string; responseBody: unknown } | null,
  idempotency: IdempotencyInput | undefined,
): OperationOutcome<T> | null {
  if (!replay || !idempotency) return null;
  if (replay.requestHash !== idempotency.requestHash) {
    throw new AppError("IDEMPOTENCY_CONFLICT", {}, "This Idempotency-Key was already used with a different request.");
  }
  return { result: replay.responseBody as T, replayed: true };
}

/**
 * The shape of every balance change. `work` decides (with the engine's pure
 * rules) on a card state and returns the answer and the change; a refusal
 * throws and nothing is written.
 *
 * Fast path, given a snapshot of the card read without a lock: decide on it
 * and write in one statement that applies only if the card is unchanged.
 * When another change got there first (or without a snapshot), the slow
 * path decides again inside a transaction holding the card's row lock, so
 * concurrent changes to one card run one after the other. Either way the
 * decision and the timestamps it writes are the same instant, and a repeated
 * idempotency key gets its first answer. Refusals are not stored: a
 * repeated refused request is decided again.
 */
export async function runBalanceOperation<T>(
  ctx: ServiceContext,
  card: CardRef,
  idempotency: IdempotencyInput | undefined,
  work: Work<T>,
  snapshot?: LockedCard,
): Promise<OperationOutcome<T>> {
  const stored = (result: T) => idempotency && { ...idempotency, response: result };
  try {
    if (snapshot) {
      const now = ctx.clock.now();
      const { result, change } = await work(snapshot, now);
      const written = await applyBalanceChange(db, atInstant(ctx, now), { ...change, card: snapshot, idempotency: stored(result) });
      if (written) return { result, replayed: false };
    }
    return await db.$transaction(async (tx: Tx) => {
      const locked = await lockCard(tx, ctx.merchantId, card);
      if (idempotency) {
        const replay = await findReplay<T>(ctx.merchantId, idempotency, tx);
        if (replay) return { result: replay, replayed: true };
      }
      const now = ctx.clock.now();
      const { result, change } = await work(locked, now);
      await applyBalanceChange(tx, atInstant(ctx, now), { ...change, card: locked, idempotency: stored(result) });
      return { result, replayed: false };
    }, BALANCE_TRANSACTION_OPTIONS);
  } catch (error) {
    // The same key was used concurrently (a double tap): the first answer wins, or a conflict.
    if (idempotency && isUniqueViolation(error, "idempotency_records")) {
      const replay = await findReplay<T>(ctx.merchantId, idempotency);
      if (replay) return { result: replay, replayed: true };
    }
    throw error;
  }
}

function atInstant(ctx: ServiceContext, now: Date): ServiceContext {
  return { ...ctx, clock: { now: () => now } };
}
