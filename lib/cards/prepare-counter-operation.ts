import "server-only";
import { authorizeStaff, type AuthorizedStaff } from "@/lib/auth/staff-pin";
import type { IdempotencyInput } from "@/lib/ledger/idempotency";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { CounterContext } from "@/lib/programs/counter-context";
import type { ServiceContext } from "@/lib/service-context";
import { loadCardOperation, type CardOperation } from "./load-card-operation";
import { requireProgramFeature } from "./require-program-feature";
import { replayOf, type OperationOutcome } from "./run-balance-operation";
import { staffClientKey } from "./staff-client-key";

/**
 * What every counter operation's request names. `sessionStaffId` is set only by the paired
 * counter, after it checked that staff member's open staff session on the device (the PIN
 * was verified when the session opened): never from a request body.
 */
export type CounterInput = {
  card: CardRef;
  storeId: string;
  staffPin?: string;
  staffId?: string;
  sessionStaffId?: string;
  idempotency?: IdempotencyInput;
};

/**
 * The steps every counter operation takes before deciding: read the program,
 * store and card in one query; answer a repeated idempotency key with its
 * first answer; check the program uses the feature; run the operation's own
 * checks (`validate`); then check the staff PIN, last, so that a request
 * refused for another reason costs no argon2 verification and no PIN attempt.
 */
export async function prepareCounterOperation<T>(
  ctx: ServiceContext,
  input: CounterInput,
  options: { feature: "stamps" | "points"; earning: boolean; validate?: (counter: CardOperation) => void | Promise<void> },
): Promise<{ replay: OperationOutcome<T> } | { replay: null; counter: CardOperation; staff: AuthorizedStaff }> {
  const counter = await loadCardOperation(ctx.merchantId, input.storeId, input.card, input.idempotency?.key);
  const replay = replayOf<T>(counter.replay, input.idempotency);
  if (replay) return { replay };
  requireProgramFeature(counter.program, options.feature, options.earning);
  await options.validate?.(counter);
  return { replay: null, counter, staff: await checkStaff(ctx, counter, input) };
}

/** The staff member behind a counter operation (PIN checked once, argon2 only when a PIN is given). */
export function checkStaff(ctx: ServiceContext, counter: CounterContext, input: CounterInput): Promise<AuthorizedStaff> {
  if (input.sessionStaffId) {
    // Still active and still allowed at this store; no PIN, no argon2.
    return authorizeStaff(ctx, {
      storeId: counter.storeId,
      staffId: input.sessionStaffId,
      clientKey: staffClientKey(ctx),
      required: false,
    });
  }
  return authorizeStaff(ctx, {
    storeId: counter.storeId,
    pin: input.staffPin,
    staffId: input.staffId,
    clientKey: staffClientKey(ctx),
    required: counter.program.requireStaffPin,
  });
}
