import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsToAmountText, parseAmountToCents } from "./money";

describe("parseAmountToCents", () => {
  it.each([
    ["12,50", 1250],
    ["12.50", 1250],
    ["12.5", 1250],
    ["0.01", 1],
    ["0,10", 10],
    ["1000", 100_000],
    ["1 000", 100_000],
    ["1\u202f000,99", 100_099],
    [" 7 € ", 700],
    ["007", 700],
    ["0", 0],
    // The float product would be 114.99999999999999 cents.
    ["1.15", 115],
    ["19.99", 1999],
    ["1000000", 100_000_000],
  ])("%s → %d cents", (input, cents) => {
    expect(parseAmountToCents(input)).toBe(cents);
  });

  it.each(["", "abc", "12,345", "12.", ".5", "-3", "1,000.00", "1e3", "12,5,0", "99999999999999"])("refuses %j", (input) => {
    expect(parseAmountToCents(input)).toBeNull();
  });
});

describe("centsToAmountText", () => {
  it.each([
    [1250, "12.50"],
    [1201, "12.01"],
    [100_000, "1000"],
    [1, "0.01"],
    [0, "0"],
  ])("%d → %s", (cents, text) => {
    expect(centsToAmountText(cents)).toBe(text);
  });

  it("gives back the same cents when read again", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (cents) => parseAmountToCents(centsToAmountText(cents)) === cents));
  });
});
