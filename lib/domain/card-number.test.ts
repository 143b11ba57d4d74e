import { describe, expect, it } from "vitest";
import { cardNumberFromBody, checkCardNumber, formatCardNumber, luhnCheckDigit, normalizeCardNumber } from "./card-number";

describe("luhnCheckDigit", () => {
  it.each([
    ["7992739871", 3], // the textbook example
    ["411111111111111", 1], // Visa test card 4111 1111 1111 1111
    ["555555555555444", 4], // Mastercard test card 5555 5555 5555 4444
    ["37828224631000", 5], // Amex test card 3782 822463 10005
    ["0", 0],
    ["1", 8],
    ["00000000000", 0],
  ])("check digit of %s is %i", (body, expected) => {
    expect(luhnCheckDigit(body)).toBe(expected);
  });

  it("refuses anything but digits", () => {
    expect(() => luhnCheckDigit("12a4")).toThrow(RangeError);
    expect(() => luhnCheckDigit("")).toThrow(RangeError);
  });
});

describe("cardNumberFromBody", () => {
  it("appends the check digit to an 11-digit body", () => {
    expect(cardNumberFromBody("12345678901")).toBe("123456789015");
  });

  it.each(["1234567890", "123456789012", "1234567890a"])("refuses the body %s", (body) => {
    expect(() => cardNumberFromBody(body)).toThrow(RangeError);
  });
});

describe("checkCardNumber", () => {
  const valid = cardNumberFromBody("40213377001");

  it("accepts a valid number, with or without spaces and dashes", () => {
    expect(checkCardNumber(valid)).toEqual({ ok: true, cardNumber: valid });
    expect(checkCardNumber(formatCardNumber(valid))).toEqual({ ok: true, cardNumber: valid });
    expect(checkCardNumber(valid.replace(/(\d{4})/g, "$1-"))).toEqual({ ok: true, cardNumber: valid });
  });

  it("says why a number is wrong", () => {
    expect(checkCardNumber("1234")).toEqual({ ok: false, reason: "too_short" });
    expect(checkCardNumber(`${valid}0`)).toEqual({ ok: false, reason: "too_long" });
    expect(checkCardNumber("1234x5678901")).toEqual({ ok: false, reason: "not_digits" });
  });

  it("catches every single mistyped digit", () => {
    for (let position = 0; position < valid.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        const typo = valid.slice(0, position) + digit + valid.slice(position + 1);
        if (typo === valid) continue;
        expect(checkCardNumber(typo)).toEqual({ ok: false, reason: "check_digit" });
      }
    }
  });

  it("catches swapped neighbours (except 0 and 9, Luhn's known blind spot)", () => {
    for (let i = 0; i < valid.length - 1; i++) {
      const a = valid[i]!;
      const b = valid[i + 1]!;
      if (a === b || a + b === "09" || a + b === "90") continue;
      const swapped = valid.slice(0, i) + b + a + valid.slice(i + 2);
      expect(checkCardNumber(swapped).ok).toBe(false);
    }
  });
});

describe("formatting", () => {
  it("groups by four and normalizes back", () => {
    expect(formatCardNumber("123456789012")).toBe("1234 5678 9012");
    expect(normalizeCardNumber(" 1234 5678-9012 ")).toBe("123456789012");
  });
});
