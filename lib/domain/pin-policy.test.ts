import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  checkPinFormat,
  isLocked,
  isObviousPin,
  PIN_MAX_LENGTH,
  PIN_MIN_LENGTH,
  suggestPin,
  SUGGESTED_PIN_LENGTH,
} from "./pin-policy";

/** An instant, always written with its offset so the test never depends on the machine's zone. */
const at = (iso: string): Date => new Date(iso);

describe("checkPinFormat", () => {
  it("allows 4 to 8 digits", () => {
    expect([PIN_MIN_LENGTH, PIN_MAX_LENGTH]).toEqual([4, 8]);
  });

  it.each(["0000", "1234", "9999", "12345", "123456", "1234567", "12345678", "00000000", "01234567"])("accepts %j", (pin) => {
    expect(checkPinFormat(pin)).toEqual({ ok: true });
  });

  it.each([
    ["", "too_short"],
    ["1", "too_short"],
    ["123", "too_short"], // one digit short
    ["123456789", "too_long"], // one digit over
    ["12345678901234567890", "too_long"],
    ["12a4", "not_digits"],
    ["abcd", "not_digits"],
    ["12 34", "not_digits"],
    [" 1234", "not_digits"], // no trimming: the PIN is exactly what was typed
    ["1234 ", "not_digits"],
    ["1234\n", "not_digits"], // a trailing newline must not slip past the end anchor
    ["-123", "not_digits"],
    ["+1234", "not_digits"],
    ["12.4", "not_digits"],
    ["1e10", "not_digits"],
    ["0x1F", "not_digits"],
    ["١٢٣٤", "not_digits"], // Arabic-Indic digits: only ASCII 0-9 count
    ["１２３４", "not_digits"], // full-width digits
  ] as const)("refuses %j: %s", (pin, reason) => {
    expect(checkPinFormat(pin)).toEqual({ ok: false, reason });
  });

  // Both too short or long and not digits: refused either way (which reason comes first is not specified).
  it.each(["abc", "1a", "123456789x", "x23456789"])("refuses %j", (pin) => {
    expect(checkPinFormat(pin).ok).toBe(false);
  });
});

describe("isLocked", () => {
  const lockedUntil = at("2026-01-15T10:30:00+01:00");

  it.each([
    ["2026-01-15T10:00:00+01:00", true], // at the start of the lockout
    ["2026-01-15T10:29:59.999+01:00", true], // one millisecond before its end
    ["2026-01-15T10:30:00.000+01:00", false], // it ends at exactly lockedUntil
    ["2026-01-15T10:30:00.001+01:00", false],
    ["2026-01-16T10:00:00+01:00", false],
  ])("locked until 10:30, at %s: %s", (now, expected) => {
    expect(isLocked(lockedUntil, at(now))).toBe(expected);
  });

  it("is never locked without a lockout", () => {
    expect(isLocked(null, at("2026-01-15T10:00:00+01:00"))).toBe(false);
  });
});

describe("afterFailedAttempt", () => {
  const now = at("2026-01-15T10:00:00+01:00");

  it.each([
    // attempts so far, max → attempts, attempts left, locks?
    [0, 5, 1, 4, false],
    [1, 5, 2, 3, false],
    [3, 5, 4, 1, false], // one attempt left
    [4, 5, 5, 0, true], // reaching the maximum locks
    [0, 1, 1, 0, true], // a maximum of 1 locks on the first wrong PIN
    [1, 2, 2, 0, true],
    [9, 5, 10, 0, true], // past the maximum: attempts left never go negative
  ])("after %i wrong PINs (max %i): %i attempts, %i left, locked %s", (failedAttempts, maxAttempts, attempts, attemptsLeft, locks) => {
    expect(afterFailedAttempt({ failedAttempts, lockedUntil: null, maxAttempts, lockoutMinutes: 30, now })).toEqual({
      failedAttempts: attempts,
      attemptsLeft,
      lockedUntil: locks ? at("2026-01-15T10:30:00+01:00") : null,
    });
  });

  it.each([
    [30, "2026-01-15T10:30:00+01:00"],
    [1, "2026-01-15T10:01:00+01:00"],
    [1440, "2026-01-16T10:00:00+01:00"],
  ])("a %i-minute lockout lasts until %s", (lockoutMinutes, lockedUntil) => {
    expect(afterFailedAttempt({ failedAttempts: 4, lockedUntil: null, maxAttempts: 5, lockoutMinutes, now }).lockedUntil).toEqual(
      at(lockedUntil),
    );
  });

  it.each([
    ["2026-01-15T09:59:59.999+01:00", 5], // expired one millisecond ago
    ["2026-01-15T10:00:00+01:00", 5], // expires at exactly now
    ["2026-01-14T10:00:00+01:00", 3], // long expired, with a stale count
  ])("restarts counting at 1 once the lockout until %s has expired (count was %i)", (lockedUntil, failedAttempts) => {
    expect(afterFailedAttempt({ failedAttempts, lockedUntil: at(lockedUntil), maxAttempts: 5, lockoutMinutes: 30, now })).toEqual({
      failedAttempts: 1,
      attemptsLeft: 4,
      lockedUntil: null,
    });
  });

  it("keeps counting, and stays locked, for a wrong PIN while a lockout is still in force", () => {
    // A request that passed the lock check just before a concurrent one locked the scope.
    const outcome = afterFailedAttempt({
      failedAttempts: 5,
      lockedUntil: at("2026-01-15T10:00:00.001+01:00"), // one millisecond left
      maxAttempts: 5,
      lockoutMinutes: 30,
      now,
    });
    expect(outcome.failedAttempts).toBe(6);
    expect(outcome.attemptsLeft).toBe(0);
    expect(isLocked(outcome.lockedUntil, now)).toBe(true);
  });

  it("locks after five wrong PINs, unlocks 30 minutes later, then counts from 1 again", () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    const left: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const outcome = afterFailedAttempt({ ...state, maxAttempts: 5, lockoutMinutes: 30, now });
      left.push(outcome.attemptsLeft);
      state = outcome;
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(state.lockedUntil).toEqual(at("2026-01-15T10:30:00+01:00"));
    expect(isLocked(state.lockedUntil, at("2026-01-15T10:29:59.999+01:00"))).toBe(true);
    expect(isLocked(state.lockedUntil, at("2026-01-15T10:30:00+01:00"))).toBe(false);

    const later = afterFailedAttempt({ ...state, maxAttempts: 5, lockoutMinutes: 30, now: at("2026-01-15T10:30:00+01:00") });
    expect(later).toEqual({ failedAttempts: 1, attemptsLeft: 4, lockedUntil: null });
  });
});

describe("afterFailedAttempt during a lockout", () => {
  it("never shortens a lockout still in force, even after the maximum was raised", () => {
    const lockedUntil = new Date("2026-01-15T10:30:00+01:00");
    expect(
      afterFailedAttempt({
        failedAttempts: 5,
        lockedUntil,
        maxAttempts: 10,
        lockoutMinutes: 30,
        now: new Date("2026-01-15T10:10:00+01:00"),
      }),
    ).toEqual({ failedAttempts: 6, lockedUntil, attemptsLeft: 0 });
  });
});

describe("suggestPin", () => {
  it("gives digits that pass the PIN policy", () => {
    let seed = 7;
    const randomDigit = () => (seed = (seed * 31 + 11) % 97) % 10;
    for (let i = 0; i < 200; i++) {
      const pin = suggestPin(randomDigit);
      expect(pin).toHaveLength(SUGGESTED_PIN_LENGTH);
      expect(checkPinFormat(pin)).toEqual({ ok: true });
      expect(isObviousPin(pin)).toBe(false);
    }
  });

  it("draws again instead of suggesting an obvious PIN", () => {
    const digits = [..."111111", ..."123456", ..."987654", ..."402913"].map(Number);
    expect(suggestPin(() => digits.shift()!)).toBe("402913");
    expect(digits).toEqual([]);
  });

  it.each([
    ["0000", true],
    ["123456", true],
    ["876543", true],
    ["7890", true],
    ["123457", false],
    ["112233", false],
    ["135790", false],
  ])("calls %j obvious: %s", (pin, obvious) => {
    expect(isObviousPin(pin)).toBe(obvious);
  });
});
