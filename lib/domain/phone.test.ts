import { describe, expect, it } from "vitest";
import { normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["+352 621 123 456", "+352621123456"],
    ["(0)621-12.34/56", "0621123456"],
    ["  +49 (30) 1234567 ", "+49301234567"],
    ["621123456", "621123456"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});
