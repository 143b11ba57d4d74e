import { describe, expect, it } from "vitest";
import { timeZoneGroups, utcOffset } from "./time-zone-options";
import { TIME_ZONES, isSupportedTimeZone } from "./time-zones";

describe("time zones", () => {
  it("are the runtime's IANA zones, with UTC", () => {
    expect(isSupportedTimeZone("Europe/Luxembourg")).toBe(true);
    expect(isSupportedTimeZone("UTC")).toBe(true);
    expect(isSupportedTimeZone("Europe/Atlantis")).toBe(false);
    expect(isSupportedTimeZone("europe/luxembourg")).toBe(false);
    expect(TIME_ZONES.length).toBeGreaterThan(300);
  });

  it("show their offset at the moment, daylight saving time included", () => {
    expect(utcOffset("Europe/Luxembourg", new Date("2025-01-15T12:00:00Z"))).toBe("UTC+01:00");
    expect(utcOffset("Europe/Luxembourg", new Date("2025-07-15T12:00:00Z"))).toBe("UTC+02:00");
    expect(utcOffset("America/Argentina/Buenos_Aires", new Date("2025-07-15T12:00:00Z"))).toBe("UTC−03:00");
    expect(utcOffset("UTC", new Date("2025-07-15T12:00:00Z"))).toBe("UTC+00:00");
  });

  it("are grouped by region with readable place names", () => {
    const groups = timeZoneGroups(
      ["Europe/Luxembourg", "America/Argentina/Buenos_Aires", "UTC", "America/New_York"],
      new Date("2025-01-15T12:00:00Z"),
    );
    expect(groups).toEqual([
      { region: "", zones: [{ value: "UTC", label: "UTC (UTC+00:00)" }] },
      {
        region: "America",
        zones: [
          { value: "America/Argentina/Buenos_Aires", label: "Argentina – Buenos Aires (UTC−03:00)" },
          { value: "America/New_York", label: "New York (UTC−05:00)" },
        ],
      },
      { region: "Europe", zones: [{ value: "Europe/Luxembourg", label: "Luxembourg (UTC+01:00)" }] },
    ]);
  });
});
