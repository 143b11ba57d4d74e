import { describe, expect, it } from "vitest";
import { decideStamp, decideStampRedemption, type StampCardState, type StampDecision, type StampRules } from "./stamps";

const LUX = "Europe/Luxembourg";

/** An instant, always written with its offset so the test never depends on the machine's zone. */
const at = (iso: string): Date => new Date(iso);

const rules = (overrides: Partial<StampRules> = {}): StampRules => ({
  stampsTarget: 10,
  cooldownMinutes: 5,
  maxDailyStamps: 3,
  ...overrides,
});

const card = (overrides: Partial<StampCardState> = {}): StampCardState => ({
  stampCount: 0,
  lastStampAt: null,
  stampDay: null,
  stampsOnDay: 0,
  ...overrides,
});

/** it.each rows titled by their `name`, in full (vitest cuts a `$name` title at 40 characters). */
const byName = <T extends { name: string }>(cases: T[]): [string, T][] => cases.map((c) => [c.name, c]);

function expectAccepted(decision: StampDecision): Extract<StampDecision, { ok: true }> {
  if (!decision.ok) throw new Error(`expected the stamp to be accepted, got ${decision.code}`);
  return decision;
}

describe("decideStamp: a full card", () => {
  it.each([
    { stampCount: 10, stampsTarget: 10 }, // exactly at the target
    { stampCount: 11, stampsTarget: 10 }, // above it (target lowered after the card filled up)
    { stampCount: 99, stampsTarget: 10 },
    { stampCount: 1, stampsTarget: 1 },
  ])("refuses a card holding $stampCount of $stampsTarget stamps", ({ stampCount, stampsTarget }) => {
    const decision = decideStamp({
      card: card({ stampCount }),
      rules: rules({ stampsTarget }),
      now: at("2026-01-15T10:00:00+01:00"),
      timeZone: LUX,
    });
    expect(decision).toEqual({ ok: false, code: "CARD_FULL", stampsTarget });
  });
});

describe("decideStamp: reaching the target", () => {
  it.each([
    // stampCount, stampsTarget → new count, rewardEarned, rewardAvailable
    [0, 10, 1, false, false],
    [8, 10, 9, false, false],
    [9, 10, 10, true, true], // this stamp reaches the target exactly
    [0, 1, 1, true, true], // a one-stamp card
    [1, 2, 2, true, true],
  ])("%i of %i → %i stamps (earned %s, available %s)", (stampCount, stampsTarget, newCount, rewardEarned, rewardAvailable) => {
    const decision = expectAccepted(
      decideStamp({
        card: card({ stampCount }),
        rules: rules({ stampsTarget, maxDailyStamps: 100 }),
        now: at("2026-01-15T10:00:00+01:00"),
        timeZone: LUX,
      }),
    );
    expect(decision.stampCount).toBe(newCount);
    expect(decision.rewardEarned).toBe(rewardEarned);
    expect(decision.rewardAvailable).toBe(rewardAvailable);
  });
});

describe("decideStamp: cooldown", () => {
  // The daily limit is far away here (1 of 100), so only the cooldown can refuse.
  it.each(
    byName([
      {
        name: "at exactly lastStampAt + cooldown: accepted",
        lastStampAt: "2026-01-15T10:00:00+01:00",
        cooldownMinutes: 5,
        now: "2026-01-15T10:05:00.000+01:00",
        expected: { ok: true, nextStampAvailableAt: "2026-01-15T10:10:00.000+01:00" },
      },
      {
        name: "one millisecond before the cooldown ends: refused, retry after 1 s (rounded up)",
        lastStampAt: "2026-01-15T10:00:00+01:00",
        cooldownMinutes: 5,
        now: "2026-01-15T10:04:59.999+01:00",
        expected: { ok: false, nextStampAvailableAt: "2026-01-15T10:05:00+01:00", retryAfterSeconds: 1 },
      },
      {
        name: "at the very instant of the last stamp: refused for the whole cooldown",
        lastStampAt: "2026-01-15T10:00:00+01:00",
        cooldownMinutes: 5,
        now: "2026-01-15T10:00:00+01:00",
        expected: { ok: false, nextStampAvailableAt: "2026-01-15T10:05:00+01:00", retryAfterSeconds: 300 },
      },
      {
        name: "299.999 s left rounds up to 300",
        lastStampAt: "2026-01-15T10:00:00+01:00",
        cooldownMinutes: 5,
        now: "2026-01-15T10:00:00.001+01:00",
        expected: { ok: false, nextStampAvailableAt: "2026-01-15T10:05:00+01:00", retryAfterSeconds: 300 },
      },
      {
        name: "298.5 s left rounds up to 299",
        lastStampAt: "2026-01-15T10:00:00+01:00",
        cooldownMinutes: 5,
        now: "2026-01-15T10:00:01.500+01:00",
        expected: { ok: false, nextStampAvailableAt: "2026-01-15T10:05:00+01:00", retryAfterSeconds: 299 },
      },
      {
        name: "long after the cooldown: accepted",
        lastStampAt: "2026-01-15T08:00:00+01:00",
        cooldownMinutes: 5,
        now: "2026-01-15T10:00:00+01:00",
        expected: { ok: true, nextStampAvailableAt: "2026-01-15T10:05:00+01:00" },
      },
      {
        name: "cooldown 0 at the same instant as the last stamp: accepted",
        lastStampAt: "2026-01-15T10:00:00+01:00",
        cooldownMinutes: 0,
        now: "2026-01-15T10:00:00+01:00",
        expected: { ok: true, nextStampAvailableAt: "2026-01-15T10:00:00+01:00" },
      },
      {
        name: "no previous stamp, long cooldown: accepted",
        lastStampAt: null,
        cooldownMinutes: 60,
        now: "2026-01-15T10:00:00+01:00",
        expected: { ok: true, nextStampAvailableAt: "2026-01-15T11:00:00+01:00" },
      },
      {
        // Clock skew: the last stamp was recorded 10 minutes "in the future"; the cooldown runs from it.
        name: "lastStampAt in the future with a cooldown: refused until lastStampAt + cooldown",
        lastStampAt: "2026-01-15T10:10:00+01:00",
        cooldownMinutes: 5,
        now: "2026-01-15T10:00:00+01:00",
        expected: { ok: false, nextStampAvailableAt: "2026-01-15T10:15:00+01:00", retryAfterSeconds: 900 },
      },
      {
        // Clock skew again, but cooldown 0 means no cooldown at all.
        name: "lastStampAt in the future with cooldown 0: accepted",
        lastStampAt: "2026-01-15T10:10:00+01:00",
        cooldownMinutes: 0,
        now: "2026-01-15T10:00:00+01:00",
        expected: { ok: true, nextStampAvailableAt: "2026-01-15T10:00:00+01:00" },
      },
      {
        // 01:58 + 5 minutes of real time is 03:03 local: the clock jumps from 02:00 to 03:00.
        name: "a cooldown across the spring-forward jump counts real minutes",
        lastStampAt: "2026-03-29T01:58:00+01:00",
        cooldownMinutes: 5,
        now: "2026-03-29T03:02:59+02:00",
        expected: { ok: false, nextStampAvailableAt: "2026-03-29T03:03:00+02:00", retryAfterSeconds: 1 },
      },
      {
        // 02:58 (first pass) + 5 minutes is 02:03 on the second pass through the repeated hour.
        name: "a cooldown across the fall-back switch counts real minutes",
        lastStampAt: "2026-10-25T02:58:00+02:00",
        cooldownMinutes: 5,
        now: "2026-10-25T02:03:00+01:00",
        expected: { ok: true, nextStampAvailableAt: "2026-10-25T02:08:00+01:00" },
      },
      {
        name: "a one-day cooldown spans midnight",
        lastStampAt: "2026-01-15T10:00:00+01:00",
        cooldownMinutes: 1440,
        now: "2026-01-16T09:59:59+01:00",
        expected: { ok: false, nextStampAvailableAt: "2026-01-16T10:00:00+01:00", retryAfterSeconds: 1 },
      },
    ]),
  )("%s", (_name, { lastStampAt, cooldownMinutes, now, expected }) => {
    const decision = decideStamp({
      card: card({ stampCount: 3, lastStampAt: lastStampAt === null ? null : at(lastStampAt), stampDay: "2026-01-15", stampsOnDay: 1 }),
      rules: rules({ cooldownMinutes, maxDailyStamps: 100 }),
      now: at(now),
      timeZone: LUX,
    });
    if (expected.ok) {
      expect(decision).toMatchObject({ ok: true, stampCount: 4, nextStampAvailableAt: at(expected.nextStampAvailableAt) });
    } else {
      expect(decision).toEqual({
        ok: false,
        code: "COOLDOWN_ACTIVE",
        nextStampAvailableAt: at(expected.nextStampAvailableAt),
        retryAfterSeconds: expected.retryAfterSeconds,
      });
    }
  });
});

describe("decideStamp: daily limit refusals", () => {
  // Cards at the limit (3 of 3) on `stampDay`, last stamped long enough ago that no cooldown is running.
  it.each(
    byName([
      {
        name: "winter, one millisecond before local midnight",
        stampDay: "2026-01-15",
        now: "2026-01-15T23:59:59.999+01:00",
        timeZone: LUX,
        next: "2026-01-16T00:00:00+01:00",
        retryAfterSeconds: 1,
      },
      {
        // 00:30 local is still 23:30 on the 15th in UTC: the local day is what counts.
        name: "winter, after local midnight but before UTC midnight, on a card counted for the new local day",
        stampDay: "2026-01-16",
        now: "2026-01-16T00:30:00+01:00",
        timeZone: LUX,
        next: "2026-01-17T00:00:00+01:00",
        retryAfterSeconds: 23.5 * 3600,
      },
      {
        name: "summer, one minute before local midnight",
        stampDay: "2026-07-14",
        now: "2026-07-14T23:59:00+02:00",
        timeZone: LUX,
        next: "2026-07-15T00:00:00+02:00",
        retryAfterSeconds: 60,
      },
      {
        name: "the day before spring forward ends at +01:00",
        stampDay: "2026-03-28",
        now: "2026-03-28T23:00:00+01:00",
        timeZone: LUX,
        next: "2026-03-29T00:00:00+01:00",
        retryAfterSeconds: 3600,
      },
      {
        // 2026-03-29 lasts 23 hours: from 00:30 to the next midnight is 22.5 hours, not 23.5.
        name: "spring-forward day, early morning",
        stampDay: "2026-03-29",
        now: "2026-03-29T00:30:00+01:00",
        timeZone: LUX,
        next: "2026-03-30T00:00:00+02:00",
        retryAfterSeconds: 22.5 * 3600,
      },
      {
        name: "spring-forward day, right after the jump to 03:00",
        stampDay: "2026-03-29",
        now: "2026-03-29T03:00:00+02:00",
        timeZone: LUX,
        next: "2026-03-30T00:00:00+02:00",
        retryAfterSeconds: 21 * 3600,
      },
      {
        name: "the day before fall back ends at +02:00",
        stampDay: "2026-10-24",
        now: "2026-10-24T23:00:00+02:00",
        timeZone: LUX,
        next: "2026-10-25T00:00:00+02:00",
        retryAfterSeconds: 3600,
      },
      {
        // 2026-10-25 lasts 25 hours: from 00:30 to the next midnight is 24.5 hours.
        name: "fall-back day, early morning",
        stampDay: "2026-10-25",
        now: "2026-10-25T00:30:00+02:00",
        timeZone: LUX,
        next: "2026-10-26T00:00:00+01:00",
        retryAfterSeconds: 24.5 * 3600,
      },
      {
        name: "fall-back day, the first 02:30",
        stampDay: "2026-10-25",
        now: "2026-10-25T02:30:00+02:00",
        timeZone: LUX,
        next: "2026-10-26T00:00:00+01:00",
        retryAfterSeconds: 22.5 * 3600,
      },
      {
        name: "fall-back day, the second 02:30",
        stampDay: "2026-10-25",
        now: "2026-10-25T02:30:00+01:00",
        timeZone: LUX,
        next: "2026-10-26T00:00:00+01:00",
        retryAfterSeconds: 21.5 * 3600,
      },
      {
        // Tokyo is UTC+9: at 15:30 UTC on the 15th it is already 00:30 on the 16th there.
        name: "Asia/Tokyo counts its own day",
        stampDay: "2026-01-16",
        now: "2026-01-15T15:30:00Z",
        timeZone: "Asia/Tokyo",
        next: "2026-01-17T00:00:00+09:00",
        retryAfterSeconds: 23.5 * 3600,
      },
      {
        // New York springs forward on 2026-03-08, three weeks before Europe.
        name: "America/New_York spring-forward day",
        stampDay: "2026-03-08",
        now: "2026-03-08T00:30:00-05:00",
        timeZone: "America/New_York",
        next: "2026-03-09T00:00:00-04:00",
        retryAfterSeconds: 22.5 * 3600,
      },
      {
        name: "America/New_York fall-back day",
        stampDay: "2026-11-01",
        now: "2026-11-01T00:30:00-04:00",
        timeZone: "America/New_York",
        next: "2026-11-02T00:00:00-05:00",
        retryAfterSeconds: 24.5 * 3600,
      },
    ]),
  )("%s", (_name, { stampDay, now, timeZone, next, retryAfterSeconds }) => {
    const decision = decideStamp({
      card: card({ stampCount: 5, lastStampAt: at("2026-01-01T00:00:00Z"), stampDay, stampsOnDay: 3 }),
      rules: rules({ maxDailyStamps: 3, cooldownMinutes: 5 }),
      now: at(now),
      timeZone,
    });
    expect(decision).toEqual({
      ok: false,
      code: "DAILY_LIMIT_REACHED",
      stampsToday: 3,
      nextStampAvailableAt: at(next),
      retryAfterSeconds,
    });
  });

  it.each(
    byName([
      {
        // The cooldown outlasts midnight, so the next stamp waits for it, not for midnight.
        name: "a cooldown ending after midnight pushes the next stamp to its end",
        stampDay: "2026-01-15",
        lastStampAt: "2026-01-15T23:50:00+01:00",
        cooldownMinutes: 30,
        now: "2026-01-15T23:55:00+01:00",
        next: "2026-01-16T00:20:00+01:00",
        retryAfterSeconds: 25 * 60,
      },
      {
        name: "a cooldown ending before midnight changes nothing",
        stampDay: "2026-01-15",
        lastStampAt: "2026-01-15T22:00:00+01:00",
        cooldownMinutes: 30,
        now: "2026-01-15T22:10:00+01:00",
        next: "2026-01-16T00:00:00+01:00",
        retryAfterSeconds: 110 * 60,
      },
      {
        name: "a cooldown ending exactly at midnight",
        stampDay: "2026-01-15",
        lastStampAt: "2026-01-15T23:30:00+01:00",
        cooldownMinutes: 30,
        now: "2026-01-15T23:45:00+01:00",
        next: "2026-01-16T00:00:00+01:00",
        retryAfterSeconds: 15 * 60,
      },
      {
        // On the 23-hour day, a 90-minute cooldown from 23:00 ends at 00:30 the next day.
        name: "a cooldown across the end of the spring-forward day",
        stampDay: "2026-03-29",
        lastStampAt: "2026-03-29T23:00:00+02:00",
        cooldownMinutes: 90,
        now: "2026-03-29T23:10:00+02:00",
        next: "2026-03-30T00:30:00+02:00",
        retryAfterSeconds: 80 * 60,
      },
    ]),
  )("%s", (_name, { stampDay, lastStampAt, cooldownMinutes, now, next, retryAfterSeconds }) => {
    const decision = decideStamp({
      card: card({ stampCount: 5, lastStampAt: at(lastStampAt), stampDay, stampsOnDay: 3 }),
      rules: rules({ maxDailyStamps: 3, cooldownMinutes }),
      now: at(now),
      timeZone: LUX,
    });
    expect(decision).toEqual({
      ok: false,
      code: "DAILY_LIMIT_REACHED",
      stampsToday: 3,
      nextStampAvailableAt: at(next),
      retryAfterSeconds,
    });
  });

  it.each([
    { stampsOnDay: 1, maxDailyStamps: 1 },
    { stampsOnDay: 3, maxDailyStamps: 3 },
    { stampsOnDay: 5, maxDailyStamps: 3 }, // the merchant lowered the limit during the day
  ])("refuses $stampsOnDay stamps today against a limit of $maxDailyStamps", ({ stampsOnDay, maxDailyStamps }) => {
    const decision = decideStamp({
      card: card({ stampCount: 5, stampDay: "2026-01-15", stampsOnDay }),
      rules: rules({ maxDailyStamps, cooldownMinutes: 0 }),
      now: at("2026-01-15T12:00:00+01:00"),
      timeZone: LUX,
    });
    expect(decision).toMatchObject({ ok: false, code: "DAILY_LIMIT_REACHED", stampsToday: stampsOnDay });
  });
});

describe("decideStamp: the daily counter resets at local midnight", () => {
  it.each(
    byName([
      {
        // 00:00 local is 23:00 UTC of the previous day.
        name: "winter, at local midnight",
        stampDay: "2026-01-15",
        now: "2026-01-16T00:00:00+01:00",
        timeZone: LUX,
        today: "2026-01-16",
      },
      {
        name: "summer, at local midnight (22:00 UTC)",
        stampDay: "2026-07-14",
        now: "2026-07-15T00:00:00+02:00",
        timeZone: LUX,
        today: "2026-07-15",
      },
      {
        name: "spring-forward day, at its midnight",
        stampDay: "2026-03-28",
        now: "2026-03-29T00:00:00+01:00",
        timeZone: LUX,
        today: "2026-03-29",
      },
      {
        name: "after the spring-forward day",
        stampDay: "2026-03-29",
        now: "2026-03-30T00:00:00+02:00",
        timeZone: LUX,
        today: "2026-03-30",
      },
      {
        name: "fall-back day, at its midnight",
        stampDay: "2026-10-24",
        now: "2026-10-25T00:00:00+02:00",
        timeZone: LUX,
        today: "2026-10-25",
      },
      { name: "after the fall-back day", stampDay: "2026-10-25", now: "2026-10-26T00:00:00+01:00", timeZone: LUX, today: "2026-10-26" },
      {
        // The same instant as the Tokyo refusal above: in Luxembourg it is still the afternoon of the 15th.
        name: "Europe/Luxembourg at 15:30 UTC, card counted for the 16th (a Tokyo day)",
        stampDay: "2026-01-16",
        now: "2026-01-15T15:30:00Z",
        timeZone: LUX,
        today: "2026-01-15",
      },
      {
        name: "Asia/Tokyo at its midnight",
        stampDay: "2026-01-15",
        now: "2026-01-16T00:00:00+09:00",
        timeZone: "Asia/Tokyo",
        today: "2026-01-16",
      },
      {
        name: "America/New_York at its midnight (05:00 UTC)",
        stampDay: "2026-01-15",
        now: "2026-01-16T00:00:00-05:00",
        timeZone: "America/New_York",
        today: "2026-01-16",
      },
      {
        name: "a card last counted long ago",
        stampDay: "2025-06-01",
        now: "2026-01-15T12:00:00+01:00",
        timeZone: LUX,
        today: "2026-01-15",
      },
      {
        // Clock skew: a day "in the future" is just a different day.
        name: "a card counted for a later day",
        stampDay: "2026-01-16",
        now: "2026-01-15T12:00:00+01:00",
        timeZone: LUX,
        today: "2026-01-15",
      },
    ]),
  )("%s", (_name, { stampDay, now, timeZone, today }) => {
    const decision = decideStamp({
      card: card({ stampCount: 5, stampDay, stampsOnDay: 3 }),
      rules: rules({ maxDailyStamps: 3, cooldownMinutes: 0 }),
      now: at(now),
      timeZone,
    });
    expect(decision).toMatchObject({ ok: true, stampCount: 6, stampDay: today, stampsToday: 1 });
  });

  it("counts stamps from zero on a card never stamped", () => {
    const decision = decideStamp({
      card: card(),
      rules: rules(),
      now: at("2026-01-15T12:00:00+01:00"),
      timeZone: LUX,
    });
    expect(decision).toMatchObject({ ok: true, stampCount: 1, stampDay: "2026-01-15", stampsToday: 1 });
  });

  it("keeps counting on the same local day", () => {
    const decision = decideStamp({
      card: card({ stampCount: 5, stampDay: "2026-01-16", stampsOnDay: 1 }),
      rules: rules({ maxDailyStamps: 3, cooldownMinutes: 0 }),
      now: at("2026-01-15T23:30:00Z"), // 00:30 on the 16th in Luxembourg
      timeZone: LUX,
    });
    expect(decision).toMatchObject({ ok: true, stampDay: "2026-01-16", stampsToday: 2 });
  });
});

describe("decideStamp: when the next stamp is possible after an accepted one", () => {
  it.each(
    byName([
      {
        name: "below the daily limit: after the cooldown",
        stampsOnDay: 0,
        cooldownMinutes: 5,
        now: "2026-01-15T10:00:00+01:00",
        stampDay: "2026-01-15",
        next: "2026-01-15T10:05:00+01:00",
      },
      {
        name: "below the daily limit, cooldown 0: right away",
        stampsOnDay: 1,
        cooldownMinutes: 0,
        now: "2026-01-15T10:00:00+01:00",
        stampDay: "2026-01-15",
        next: "2026-01-15T10:00:00+01:00",
      },
      {
        name: "below the daily limit, the cooldown may run past midnight",
        stampsOnDay: 0,
        cooldownMinutes: 60,
        now: "2026-01-15T23:30:00+01:00",
        stampDay: "2026-01-15",
        next: "2026-01-16T00:30:00+01:00",
      },
      {
        name: "below the daily limit, across the spring-forward jump: real minutes",
        stampsOnDay: 0,
        cooldownMinutes: 5,
        now: "2026-03-29T01:58:00+01:00",
        stampDay: "2026-03-29",
        next: "2026-03-29T03:03:00+02:00",
      },
      {
        name: "below the daily limit, across the fall-back switch: real minutes",
        stampsOnDay: 0,
        cooldownMinutes: 5,
        now: "2026-10-25T02:58:00+02:00",
        stampDay: "2026-10-25",
        next: "2026-10-25T02:03:00+01:00",
      },
      {
        name: "this stamp reaches the limit: the next local day",
        stampsOnDay: 2,
        cooldownMinutes: 5,
        now: "2026-01-15T10:00:00+01:00",
        stampDay: "2026-01-15",
        next: "2026-01-16T00:00:00+01:00",
      },
      {
        name: "this stamp reaches the limit, cooldown 0: the next local day",
        stampsOnDay: 2,
        cooldownMinutes: 0,
        now: "2026-01-15T10:00:00+01:00",
        stampDay: "2026-01-15",
        next: "2026-01-16T00:00:00+01:00",
      },
      {
        name: "this stamp reaches the limit and the cooldown ends after midnight: the cooldown's end",
        stampsOnDay: 2,
        cooldownMinutes: 60,
        now: "2026-01-15T23:30:00+01:00",
        stampDay: "2026-01-15",
        next: "2026-01-16T00:30:00+01:00",
      },
      {
        name: "this stamp reaches the limit and the cooldown ends exactly at midnight",
        stampsOnDay: 2,
        cooldownMinutes: 30,
        now: "2026-01-15T23:30:00+01:00",
        stampDay: "2026-01-15",
        next: "2026-01-16T00:00:00+01:00",
      },
      {
        name: "summer: the next local midnight is 22:00 UTC",
        stampsOnDay: 2,
        cooldownMinutes: 5,
        now: "2026-07-15T10:00:00+02:00",
        stampDay: "2026-07-15",
        next: "2026-07-16T00:00:00+02:00",
      },
      {
        name: "spring-forward day: the next midnight is at +02:00",
        stampsOnDay: 2,
        cooldownMinutes: 5,
        now: "2026-03-29T01:30:00+01:00",
        stampDay: "2026-03-29",
        next: "2026-03-30T00:00:00+02:00",
      },
      {
        name: "fall-back day, in the repeated hour: the next midnight is at +01:00",
        stampsOnDay: 2,
        cooldownMinutes: 5,
        now: "2026-10-25T02:30:00+02:00",
        stampDay: "2026-10-25",
        next: "2026-10-26T00:00:00+01:00",
      },
    ]),
  )("%s", (_name, { stampsOnDay, cooldownMinutes, now, stampDay, next }) => {
    const decision = expectAccepted(
      decideStamp({
        card: card({ stampCount: 2, stampDay, stampsOnDay }),
        rules: rules({ maxDailyStamps: 3, cooldownMinutes }),
        now: at(now),
        timeZone: LUX,
      }),
    );
    expect(decision.stampsToday).toBe(stampsOnDay + 1);
    expect(decision.nextStampAvailableAt).toEqual(at(next));
  });

  it("with a limit of 1, the first stamp of the day already points to the next day", () => {
    const decision = decideStamp({
      card: card(),
      rules: rules({ maxDailyStamps: 1, cooldownMinutes: 5 }),
      now: at("2026-01-15T10:00:00+01:00"),
      timeZone: LUX,
    });
    expect(decision).toEqual({
      ok: true,
      stampCount: 1,
      stampDay: "2026-01-15",
      stampsToday: 1,
      rewardEarned: false,
      rewardAvailable: false,
      nextStampAvailableAt: at("2026-01-16T00:00:00+01:00"),
    });
  });

  // The promise made by nextStampAvailableAt must hold: at that instant the next stamp is accepted,
  // and one millisecond earlier it is refused.
  it.each([
    // first stamp at, cooldown minutes
    ["2026-01-15T10:00:00+01:00", 5],
    ["2026-01-15T23:58:00+01:00", 5],
    ["2026-01-15T23:30:00+01:00", 60],
    ["2026-03-29T01:59:00+01:00", 5],
    ["2026-03-29T23:00:00+02:00", 90],
    ["2026-10-25T02:59:00+02:00", 5],
    ["2026-10-25T23:59:00+01:00", 0],
  ])("six stamps from %s (cooldown %i min), a limit of 2 a day: each promise is kept", (now, cooldownMinutes) => {
    const stampRules = rules({ maxDailyStamps: 2, cooldownMinutes, stampsTarget: 100 });
    let state = card({ stampCount: 0 });
    let clock = at(now);
    for (let stamp = 0; stamp < 6; stamp++) {
      const accepted = expectAccepted(decideStamp({ card: state, rules: stampRules, now: clock, timeZone: LUX }));
      state = { stampCount: accepted.stampCount, lastStampAt: clock, stampDay: accepted.stampDay, stampsOnDay: accepted.stampsToday };
      const next = accepted.nextStampAvailableAt;
      if (next.getTime() > clock.getTime()) {
        const early = decideStamp({ card: state, rules: stampRules, now: new Date(next.getTime() - 1), timeZone: LUX });
        expect(early).toMatchObject({ ok: false, nextStampAvailableAt: next });
      }
      clock = next; // the next iteration stamps at exactly the promised instant
    }
    expect(state.stampCount).toBe(6);
  });
});

describe("decideStamp: precedence of refusals", () => {
  const now = at("2026-01-15T10:00:00+01:00");
  const cooling = { lastStampAt: at("2026-01-15T09:59:00+01:00") }; // 1 minute ago, cooldown 5
  const atLimit = { stampDay: "2026-01-15", stampsOnDay: 3 };

  it.each(
    byName([
      {
        name: "full card, at the daily limit and cooling down → CARD_FULL",
        state: { stampCount: 10, ...cooling, ...atLimit },
        code: "CARD_FULL",
      },
      { name: "full card and cooling down → CARD_FULL", state: { stampCount: 10, ...cooling }, code: "CARD_FULL" },
      { name: "full card at the daily limit → CARD_FULL", state: { stampCount: 10, ...atLimit }, code: "CARD_FULL" },
      {
        name: "at the daily limit and cooling down → DAILY_LIMIT_REACHED",
        state: { stampCount: 5, ...cooling, ...atLimit },
        code: "DAILY_LIMIT_REACHED",
      },
      { name: "only cooling down → COOLDOWN_ACTIVE", state: { stampCount: 5, ...cooling }, code: "COOLDOWN_ACTIVE" },
    ]),
  )("%s", (_name, { state, code }) => {
    const decision = decideStamp({
      card: card(state),
      rules: rules({ stampsTarget: 10, cooldownMinutes: 5, maxDailyStamps: 3 }),
      now,
      timeZone: LUX,
    });
    expect(decision).toMatchObject({ ok: false, code });
  });
});

describe("decideStampRedemption", () => {
  it.each([
    // stampCount, stampsTarget → stamps left
    [10, 10, 0],
    [12, 10, 2], // stamps beyond the target stay on the card
    [20, 10, 10],
    [1, 1, 0],
  ])("redeems %i of %i, leaving %i", (stampCount, stampsTarget, left) => {
    expect(decideStampRedemption({ stampCount, stampsTarget })).toEqual({ ok: true, stampCount: left, stampsDelta: -stampsTarget });
  });

  it.each([
    // stampCount, stampsTarget → stampsNeeded
    [9, 10, 1],
    [0, 10, 10],
    [0, 1, 1],
  ])("refuses %i of %i: %i more needed", (stampCount, stampsTarget, stampsNeeded) => {
    expect(decideStampRedemption({ stampCount, stampsTarget })).toEqual({ ok: false, code: "REWARD_NOT_AVAILABLE", stampsNeeded });
  });
});
