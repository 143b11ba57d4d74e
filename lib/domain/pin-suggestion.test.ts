import { describe, expect, it } from "vitest";
import { checkPinFormat } from "./pin-policy";
import { isGuessablePin, suggestPin } from "./pin-suggestion";

describe("isGuessablePin", () => {
  it.each(["0000", "1111", "99999", "1234", "4567", "9876", "3210", "01234567"])("%s is guessable", (pin) => {
    expect(isGuessablePin(pin)).toBe(true);
  });
  it.each(["1357", "4821", "1123", "2468", "9870", "12345670"])("%s is not", (pin) => {
    expect(isGuessablePin(pin)).toBe(false);
  });
});

describe("suggestPin", () => {
  it("skips guessable draws and gives a valid PIN", () => {
    const draws = [1, 1, 1, 1, 1, 2, 3, 4, 4, 8, 2, 1];
    const pin = suggestPin(() => draws.shift()!);
    expect(pin).toBe("4821");
    expect(checkPinFormat(pin)).toEqual({ ok: true });
  });

  it("gives the length asked for", () => {
    let next = 0;
    expect(suggestPin(() => (next = (next + 3) % 10), 6)).toHaveLength(6);
  });
});
