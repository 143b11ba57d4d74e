import { describe, expect, it } from "vitest";
import { parseHeldCards, withHeldCard } from "./held-cards";

const token = (n: number) => `token-${String(n).padStart(2, "0")}-abcdefghijkl`;

describe("held cards cookie", () => {
  it("reads nothing from an absent or malformed value", () => {
    expect(parseHeldCards(undefined)).toEqual([]);
    expect(parseHeldCards("")).toEqual([]);
    expect(parseHeldCards("short.<script>.a b c")).toEqual([]);
  });

  it("puts the card opened last first, without duplicates", () => {
    const once = withHeldCard(undefined, token(1));
    const twice = withHeldCard(once, token(2));
    expect(parseHeldCards(withHeldCard(twice, token(1)))).toEqual([token(1), token(2)]);
  });

  it("keeps at most ten cards, dropping the oldest", () => {
    let value: string | undefined;
    for (let n = 1; n <= 12; n += 1) value = withHeldCard(value, token(n));
    const held = parseHeldCards(value);
    expect(held).toHaveLength(10);
    expect(held[0]).toBe(token(12));
    expect(held).not.toContain(token(1));
    expect(held).not.toContain(token(2));
  });
});
