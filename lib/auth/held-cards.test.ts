import { describe, expect, it } from "vitest";
import { heldCardNeedsWriting, parseHeldCards, withHeldCard } from "./held-cards";

const now = new Date("2026-11-21T10:00:00Z");
const daysLater = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
const token = (n: number) => `token-${String(n).padStart(2, "0")}-abcdefghijkl`;

describe("held cards cookie", () => {
  it("reads nothing from an absent or malformed value", () => {
    expect(parseHeldCards(undefined)).toEqual([]);
    expect(parseHeldCards("")).toEqual([]);
    expect(parseHeldCards("short.<script>.a b c")).toEqual([]);
  });

  it("puts the card opened last first, without duplicates", () => {
    const once = withHeldCard(undefined, token(1), now);
    const twice = withHeldCard(once, token(2), now);
    expect(parseHeldCards(withHeldCard(twice, token(1), now))).toEqual([token(1), token(2)]);
  });

  it("keeps at most ten cards, dropping the oldest", () => {
    let value: string | undefined;
    for (let n = 1; n <= 12; n += 1) value = withHeldCard(value, token(n), now);
    const held = parseHeldCards(value);
    expect(held).toHaveLength(10);
    expect(held[0]).toBe(token(12));
    expect(held).not.toContain(token(1));
    expect(held).not.toContain(token(2));
  });

  it("ends with the day it was written, which older readers drop as malformed", () => {
    const value = withHeldCard(undefined, token(1), now);
    expect(value).toBe(`${token(1)}.r${Math.floor(now.getTime() / 86_400_000)}`);
    expect(parseHeldCards(value)).toEqual([token(1)]);
  });

  it("needs writing when the card is not first, the day is missing, or a month has passed", () => {
    const value = withHeldCard(withHeldCard(undefined, token(1), now), token(2), now);
    expect(heldCardNeedsWriting(undefined, token(2), now)).toBe(true);
    expect(heldCardNeedsWriting(value, token(1), now)).toBe(true);
    expect(heldCardNeedsWriting(value, token(3), now)).toBe(true);
    expect(heldCardNeedsWriting(value, token(2), now)).toBe(false);
    expect(heldCardNeedsWriting(value, token(2), daysLater(29))).toBe(false);
    expect(heldCardNeedsWriting(value, token(2), daysLater(30))).toBe(true);
    // A cookie written before the day was kept, or with a mangled day, is written again.
    expect(heldCardNeedsWriting(`${token(2)}.${token(1)}`, token(2), now)).toBe(true);
    expect(heldCardNeedsWriting(`${token(2)}.rX`, token(2), now)).toBe(true);
  });
});
