export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

export type PinFormatCheck = { ok: true } | { ok: false; reason: "not_digits" | "too_short" | "too_long" };

/** Staff PINs are 4 to 8 digits. */
export function checkPinFormat(pin: string): PinFormatCheck {
  if (!/^\d*$/.test(pin)) return { ok: false, reason: "not_digits" };
  if (pin.length < PIN_MIN_LENGTH) return { ok: false, reason: "too_short" };
  if (pin.length > PIN_MAX_LENGTH) return { ok: false, reason: "too_long" };
  return { ok: true };
}

/** Whether a lockout is in force at `now` (it ends at exactly `lockedUntil`). */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && now.getTime() < lockedUntil.getTime();
}

export type FailedAttemptOutcome = { failedAttempts: number; lockedUntil: Date | null; attemptsLeft: number };

/**
 * The state after one more wrong PIN. Counting starts again once a lockout
 * has expired; reaching the maximum locks for `lockoutMinutes`.
 */
export function afterFailedAttempt({
  failedAttempts,
  lockedUntil,
  maxAttempts,
  lockoutMinutes,
  now,
}: {
  failedAttempts: number;
  lockedUntil: Date | null;
  maxAttempts: number;
  lockoutMinutes: number;
  now: Date;
}): FailedAttemptOutcome {
  // A wrong PIN during a lockout (a request that raced past the check) never shortens it.
  if (isLocked(lockedUntil, now)) return { failedAttempts: failedAttempts + 1, lockedUntil, attemptsLeft: 0 };
  const lockoutExpired = lockedUntil !== null && !isLocked(lockedUntil, now);
  const attempts = (lockoutExpired ? 0 : failedAttempts) + 1;
  const locks = attempts >= maxAttempts;
  return {
    failedAttempts: attempts,
    lockedUntil: locks ? new Date(now.getTime() + lockoutMinutes * 60_000) : null,
    attemptsLeft: Math.max(0, maxAttempts - attempts),
  };
}

export const SUGGESTED_PIN_LENGTH = 6;

/** Whether a PIN is one a colleague would guess first: one digit repeated, or a run up or down (123456, 987654, 7890). */
export function isObviousPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  // Steps modulo 10, so a run that wraps past 9 or 0 counts too.
  const steps = new Set(digits.slice(1).map((digit, i) => (digit - digits[i]! + 10) % 10));
  return steps.size === 1 && [0, 1, 9].includes([...steps][0]!);
}

/**
 * A random PIN for the "Generate" button: SUGGESTED_PIN_LENGTH digits that
 * pass checkPinFormat and are not obvious. `randomDigit` gives a uniform digit
 * 0-9 (the caller's source of randomness: crypto.getRandomValues in a browser).
 */
export function suggestPin(randomDigit: () => number): string {
  for (;;) {
    const pin = Array.from({ length: SUGGESTED_PIN_LENGTH }, () => String(randomDigit())).join("");
    if (checkPinFormat(pin).ok && !isObviousPin(pin)) return pin;
  }
}
