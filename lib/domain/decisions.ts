/**
 * The engine answers with decisions, never exceptions: an accepted change with
 * the new state, or a refusal whose `code` is one of the HTTP contract's codes
 * and which carries what the UI needs to explain it.
 */
export type Accepted<T> = { ok: true } & T;
export type Refused<Code extends string, Extra = object> = { ok: false; code: Code } & Extra;

/** Seconds from now until `later`, rounded up, never negative (for Retry-After). */
export function secondsUntil(later: Date, now: Date): number {
  return Math.max(0, Math.ceil((later.getTime() - now.getTime()) / 1000));
}
