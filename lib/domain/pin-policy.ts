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
