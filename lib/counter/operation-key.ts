import type { CounterOperationInput } from "./schemas";

/** An operation before its key is chosen (each kind keeps its own fields). */
export type OperationRequest = CounterOperationInput extends infer O
  ? O extends CounterOperationInput
    ? Omit<O, "idempotencyKey">
    : never
  : never;

/** Same kind, same card, same amount or reward: the same thing asked again. */
function sameRequest(a: OperationRequest, b: OperationRequest): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  fields.delete("idempotencyKey");
  return [...fields].every((field) => (a as Record<string, unknown>)[field] === (b as Record<string, unknown>)[field]);
}

/**
 * The idempotency key for an operation the counter is about to send. When the
 * last operation got no answer (the connection dropped: it may or may not have
 * been recorded) and this one asks the same of the same card, it is the same
 * request tried again and keeps that key, so the server answers with the first
 * result instead of counting it twice. Anything else is a new request.
 */
export function operationKey(request: OperationRequest, unanswered: CounterOperationInput | null, newKey: () => string): string {
  return unanswered && sameRequest(request, unanswered) ? unanswered.idempotencyKey : newKey();
}
