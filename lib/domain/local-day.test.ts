import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidTimeZone, localDayOf, startOfNextLocalDay } from "./local-day";

const LUX = "Europe/Luxembourg";
const HOUR_MS = 3_600_000;

/** An instant, always written with its offset so the test never depends on the machine's zone. */
const at = (iso: string): Date => new Date(iso);

/** The calendar day after "YYYY-MM-DD" (pure calendar arithmetic, no time zone involved). */
function dayAfter(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

describe("localDayOf", () => {
  it.each([
    // Winter, Luxembourg is UTC+1.
    ["2026-01-15T23:59:59.999+01:00", LUX, "2026-01-15"],
    ["2026-01-16T00:00:00.000+01:00", LUX, "2026-01-16"],
    ["2026-01-15T23:30:00Z", LUX, "2026-01-16"], // still the 15th in UTC, already the 16th locally
    ["2026-01-15T22:59:59.999Z", LUX, "2026-01-15"],
    // Summer, Luxembourg is UTC+2.
    ["2026-07-14T23:59:59.999+02:00", LUX, "2026-07-14"],
    ["2026-07-15T00:00:00.000+02:00", LUX, "2026-07-15"],
    ["2026-07-14T22:00:00Z", LUX, "2026-07-15"],
    ["2026-07-14T21:59:59.999Z", LUX, "2026-07-14"],
    // Spring forward, Sunday 2026-03-29: 02:00 local jumps to 03:00.
    ["2026-03-28T23:59:59.999+01:00", LUX, "2026-03-28"],
    ["2026-03-29T00:00:00.000+01:00", LUX, "2026-03-29"],
    ["2026-03-29T01:59:59.999+01:00", LUX, "2026-03-29"],
    ["2026-03-29T03:00:00.000+02:00", LUX, "2026-03-29"], // the instant right after 01:59:59.999+01:00
    ["2026-03-29T23:59:59.999+02:00", LUX, "2026-03-29"],
    ["2026-03-30T00:00:00.000+02:00", LUX, "2026-03-30"],
    // Fall back, Sunday 2026-10-25: 03:00 local goes back to 02:00, so 02:30 happens twice.
    ["2026-10-24T23:59:59.999+02:00", LUX, "2026-10-24"],
    ["2026-10-25T00:00:00.000+02:00", LUX, "2026-10-25"],
    ["2026-10-25T02:30:00.000+02:00", LUX, "2026-10-25"],
    ["2026-10-25T02:30:00.000+01:00", LUX, "2026-10-25"],
    ["2026-10-25T23:59:59.999+01:00", LUX, "2026-10-25"],
    ["2026-10-26T00:00:00.000+01:00", LUX, "2026-10-26"],
    // Month, year and leap-day boundaries.
    ["2026-01-31T23:30:00Z", LUX, "2026-02-01"],
    ["2026-12-31T23:00:00Z", LUX, "2027-01-01"],
    ["2026-12-31T22:59:59.999Z", LUX, "2026-12-31"],
    ["2028-02-28T23:00:00Z", LUX, "2028-02-29"],
    ["2028-02-29T23:00:00Z", LUX, "2028-03-01"],
    // Other zones: the same instant falls on different days.
    ["2026-01-15T23:30:00Z", "UTC", "2026-01-15"],
    ["2026-01-15T14:59:59.999Z", "Asia/Tokyo", "2026-01-15"],
    ["2026-01-15T15:00:00.000Z", "Asia/Tokyo", "2026-01-16"], // Tokyo is UTC+9, no DST
    ["2026-01-16T04:59:59.999Z", "America/New_York", "2026-01-15"],
    ["2026-01-16T05:00:00.000Z", "America/New_York", "2026-01-16"], // EST is UTC-5
    ["2026-07-16T03:59:59.999Z", "America/New_York", "2026-07-15"],
    ["2026-07-16T04:00:00.000Z", "America/New_York", "2026-07-16"], // EDT is UTC-4
    ["2026-01-15T18:29:59.999Z", "Asia/Kolkata", "2026-01-15"],
    ["2026-01-15T18:30:00.000Z", "Asia/Kolkata", "2026-01-16"], // a half-hour offset, UTC+5:30
  ])("%s in %s is %s", (iso, timeZone, expected) => {
    expect(localDayOf(at(iso), timeZone)).toBe(expected);
  });
});

describe("localDayOf agrees with the calendar of @date-fns/tz", () => {
  const zones = ["Europe/Luxembourg", "America/New_York", "Asia/Kathmandu", "Pacific/Kiritimati", "Australia/Lord_Howe", "UTC"];
  it("for any instant from 1970 to 2100 in zones with odd offsets and DST", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(...zones), (ms, zone) => {
        const local = new TZDate(ms, zone);
        const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
        expect(localDayOf(new Date(ms), zone)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("startOfNextLocalDay", () => {
  it.each([
    // Ordinary winter and summer days.
    ["2026-01-15T12:00:00+01:00", LUX, "2026-01-16T00:00:00+01:00"],
    ["2026-01-15T00:00:00+01:00", LUX, "2026-01-16T00:00:00+01:00"], // at midnight itself: the next one
    ["2026-01-15T23:59:59.999+01:00", LUX, "2026-01-16T00:00:00+01:00"],
    ["2026-01-15T23:30:00Z", LUX, "2026-01-17T00:00:00+01:00"], // already the 16th locally
    ["2026-07-15T12:00:00+02:00", LUX, "2026-07-16T00:00:00+02:00"],
    ["2026-12-31T12:00:00+01:00", LUX, "2027-01-01T00:00:00+01:00"],
    // Spring forward: the day before ends at +01:00, the short day ends at +02:00.
    ["2026-03-28T12:00:00+01:00", LUX, "2026-03-29T00:00:00+01:00"],
    ["2026-03-29T00:00:00+01:00", LUX, "2026-03-30T00:00:00+02:00"],
    ["2026-03-29T01:59:59.999+01:00", LUX, "2026-03-30T00:00:00+02:00"],
    ["2026-03-29T03:00:00+02:00", LUX, "2026-03-30T00:00:00+02:00"],
    ["2026-03-30T12:00:00+02:00", LUX, "2026-03-31T00:00:00+02:00"],
    // Fall back: both 02:30s belong to the long day.
    ["2026-10-24T12:00:00+02:00", LUX, "2026-10-25T00:00:00+02:00"],
    ["2026-10-25T00:00:00+02:00", LUX, "2026-10-26T00:00:00+01:00"],
    ["2026-10-25T02:30:00+02:00", LUX, "2026-10-26T00:00:00+01:00"],
    ["2026-10-25T02:30:00+01:00", LUX, "2026-10-26T00:00:00+01:00"],
    ["2026-10-26T12:00:00+01:00", LUX, "2026-10-27T00:00:00+01:00"],
    // Other zones.
    ["2026-01-15T20:00:00Z", "Asia/Tokyo", "2026-01-17T00:00:00+09:00"], // 05:00 on the 16th in Tokyo
    ["2026-01-15T20:00:00Z", "America/New_York", "2026-01-16T00:00:00-05:00"],
    ["2026-03-07T12:00:00-05:00", "America/New_York", "2026-03-08T00:00:00-05:00"], // the switch is at 02:00 on the 8th
    ["2026-03-08T12:00:00-04:00", "America/New_York", "2026-03-09T00:00:00-04:00"],
    ["2026-11-01T01:30:00-04:00", "America/New_York", "2026-11-02T00:00:00-05:00"],
    // Zones whose clocks change at midnight: the day starts at the first instant that exists.
    ["2026-03-07T12:00:00-05:00", "America/Havana", "2026-03-08T01:00:00-04:00"], // 00:00 on the 8th is skipped
    ["2026-09-05T12:00:00-04:00", "America/Santiago", "2026-09-06T01:00:00-03:00"], // 00:00 on the 6th is skipped
    ["2026-04-04T12:00:00-03:00", "America/Santiago", "2026-04-05T00:00:00-04:00"], // 23:00 on the 4th repeats
  ])("after %s in %s comes %s", (iso, timeZone, expected) => {
    expect(startOfNextLocalDay(at(iso), timeZone).toISOString()).toBe(at(expected).toISOString());
  });

  it.each([
    ["2026-03-28", "2026-03-28T00:00:00+01:00", 24],
    ["2026-03-29", "2026-03-29T00:00:00+01:00", 23], // spring forward
    ["2026-03-30", "2026-03-30T00:00:00+02:00", 24],
    ["2026-10-24", "2026-10-24T00:00:00+02:00", 24],
    ["2026-10-25", "2026-10-25T00:00:00+02:00", 25], // fall back
    ["2026-10-26", "2026-10-26T00:00:00+01:00", 24],
  ])("in Luxembourg, %s lasts its real length", (_day, midnight, hours) => {
    const start = at(midnight);
    expect(startOfNextLocalDay(start, LUX).getTime() - start.getTime()).toBe(hours * HOUR_MS);
  });

  it("returns a plain Date, not a zoned subclass", () => {
    // Callers compare and serialize it; a TZDate would print in the merchant's zone.
    expect(Object.getPrototypeOf(startOfNextLocalDay(at("2026-01-15T12:00:00+01:00"), LUX))).toBe(Date.prototype);
  });

  // Every 97 minutes over all of 2026 (an odd step, so every time of day is sampled), the next local day starts right after the current one ends:
  // the instant returned is on the next calendar day, and one millisecond before it is still today.
  it.each([
    LUX,
    "America/New_York",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "America/Havana",
    "America/Santiago",
    "Australia/Lord_Howe", // a half-hour DST shift
    "Pacific/Chatham", // UTC+12:45 / +13:45
  ])("is the first instant of the next local day all through 2026 in %s", (timeZone) => {
    const failures: string[] = [];
    const end = at("2027-01-01T00:00:00Z").getTime();
    for (let t = at("2026-01-01T00:00:00Z").getTime(); t < end; t += 97 * 60_000) {
      const instant = new Date(t);
      const today = localDayOf(instant, timeZone);
      const next = startOfNextLocalDay(instant, timeZone);
      const ok =
        next.getTime() > t &&
        localDayOf(next, timeZone) === dayAfter(today) &&
        localDayOf(new Date(next.getTime() - 1), timeZone) === today;
      if (!ok) failures.push(`${instant.toISOString()} → ${next.toISOString()}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("isValidTimeZone", () => {
  it.each([LUX, "UTC", "America/New_York", "Asia/Tokyo", "Etc/GMT-1"])("knows %s", (timeZone) => {
    expect(isValidTimeZone(timeZone)).toBe(true);
  });

  it.each(["", "Mars/Olympus", "Europe/Luxemburg", "+01:00", "Not a zone"])("refuses %j", (timeZone) => {
    expect(isValidTimeZone(timeZone)).toBe(false);
  });
});
