import { describe, expect, it } from "vitest";
import { localDayRange } from "./local-day-range";

const iso = (range: { start: Date; end: Date }) => [range.start.toISOString(), range.end.toISOString()];

describe("localDayRange", () => {
  it("covers the 23-hour day of the spring switch and the 25-hour day of the autumn switch", () => {
    expect(iso(localDayRange({ from: "2026-03-29", to: "2026-03-29" }, "Europe/Luxembourg"))).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
    ]);
    expect(iso(localDayRange({ from: "2026-10-25", to: "2026-10-25" }, "Europe/Luxembourg"))).toEqual([
      "2026-10-24T22:00:00.000Z",
      "2026-10-25T23:00:00.000Z",
    ]);
  });

  it("spans several days and a year end, both ends included", () => {
    expect(iso(localDayRange({ from: "2025-12-31", to: "2026-01-01" }, "Asia/Kolkata"))).toEqual([
      "2025-12-30T18:30:00.000Z",
      "2026-01-01T18:30:00.000Z",
    ]);
  });

  it("starts a day whose midnight does not exist at its first local time", () => {
    // Chile moved clocks from 00:00 to 01:00 on 8 September 2024.
    expect(iso(localDayRange({ from: "2024-09-08", to: "2024-09-08" }, "America/Santiago"))).toEqual([
      "2024-09-08T04:00:00.000Z",
      "2024-09-09T03:00:00.000Z",
    ]);
  });
});
