import { describe, expect, it } from "vitest";
import { eurosCell, localTimestampCell, textCell, yesNoCell } from "./cells";

describe("textCell", () => {
  it("prefixes a cell that starts like a formula with a single quote", () => {
    for (const value of ["=1+1", "+352621", "-2", "@SUM(A1)", "\tx", "\rx", "\uFF1D1+1"]) expect(textCell(value)).toBe(`'${value}`);
  });

  it("leaves other text alone and makes nothing empty", () => {
    expect(textCell("Élodie = 1")).toBe("Élodie = 1");
    expect(textCell(" =1")).toBe(" =1");
    expect(textCell("")).toBeNull();
    expect(textCell(null)).toBeNull();
    expect(textCell(undefined)).toBeNull();
  });
});

describe("eurosCell", () => {
  it("writes cents as euros with two decimals and a dot", () => {
    expect(eurosCell(1250)).toBe("12.50");
    expect(eurosCell(5)).toBe("0.05");
    expect(eurosCell(0)).toBe("0.00");
    expect(eurosCell(100000)).toBe("1000.00");
    expect(eurosCell(-1999)).toBe("-19.99");
    expect(eurosCell(null)).toBeNull();
  });
});

describe("localTimestampCell", () => {
  it("writes ISO 8601 with the time zone's offset at that instant", () => {
    expect(localTimestampCell(new Date("2026-03-29T07:15:00Z"), "Europe/Luxembourg")).toBe("2026-03-29T09:15:00+02:00");
    expect(localTimestampCell(new Date("2026-03-29T00:30:00Z"), "Europe/Luxembourg")).toBe("2026-03-29T01:30:00+01:00");
    expect(localTimestampCell(new Date("2026-01-01T12:00:00Z"), "America/St_Johns")).toBe("2026-01-01T08:30:00-03:30");
    expect(localTimestampCell(null, "Europe/Luxembourg")).toBeNull();
  });
});

describe("yesNoCell", () => {
  it("writes yes, no or nothing", () => {
    expect([yesNoCell(true), yesNoCell(false), yesNoCell(null)]).toEqual(["yes", "no", null]);
  });
});
