import { describe, expect, it } from "vitest";
import { decidePurchase, pointsForPurchase } from "./points";

describe("pointsForPurchase", () => {
  it.each([
    // purchase cents, points per euro → points
    [1299, 1, 12], // 12.99 € earns 12, never 13
    [1299, 3, 38], // 38.97 → 38
    [99, 1, 0], // under a euro earns nothing
    [100, 1, 1],
    [101, 1, 1],
    [199, 1, 1],
    [200, 1, 2],
    [1, 1, 0],
    [33, 3, 0], // 0.99 points
    [34, 3, 1], // 1.02 points
    [9999, 1, 99],
    [1250, 2, 25],
    [1299, 0, 0], // a program that gives no points per euro
    [100_000, 10, 10_000],
    [1, 100, 1], // 100 points per euro: one point per cent
    [Number.MAX_SAFE_INTEGER, 1, 90_071_992_547_409], // 90 071 992 547 409.91 → exact floor, no float drift
  ])("%i cents at %i points per euro → %i points", (cents, pointsPerEuro, expected) => {
    expect(pointsForPurchase(cents, pointsPerEuro)).toBe(expected);
  });

  // Against exact integer arithmetic: floating-point division must never round across a whole point.
  it.each([1, 2, 3, 5, 7, 10, 25, 99, 100])("matches exact integer division at %i points per euro", (pointsPerEuro) => {
    const mismatches: string[] = [];
    const check = (cents: number) => {
      const exact = Number((BigInt(cents) * BigInt(pointsPerEuro)) / 100n);
      const actual = pointsForPurchase(cents, pointsPerEuro);
      if (actual !== exact) mismatches.push(`${cents} cents: ${actual} instead of ${exact}`);
    };
    for (let cents = 1; cents <= 20_000; cents++) check(cents);
    // Near the top of the safe range, where a double has little room for fractions.
    const top = Math.floor(Number.MAX_SAFE_INTEGER / pointsPerEuro);
    for (let cents = top - 2_000; cents <= top; cents++) check(cents);
    expect(mismatches).toEqual([]);
  });
});

describe("decidePurchase", () => {
  const maxPurchaseCents = 1_000_000; // 10 000 €

  it.each([
    // purchase cents, points per euro → points earned
    [1299, 1, 12],
    [1299, 3, 38],
    [100, 1, 1],
    [99, 1, 0], // a tiny purchase earns zero points, and that is still accepted
    [1, 1, 0], // the smallest purchase
    [5000, 0, 0], // pointsPerEuro 0
    [maxPurchaseCents, 1, 10_000], // exactly the maximum
    [maxPurchaseCents, 3, 30_000],
    [maxPurchaseCents - 1, 1, 9_999],
  ])("accepts %i cents at %i points per euro: %i points", (purchaseCents, pointsPerEuro, pointsEarned) => {
    expect(decidePurchase({ purchaseCents, pointsPerEuro, maxPurchaseCents })).toEqual({ ok: true, pointsEarned });
  });

  it.each([
    [0, "not_positive"],
    [-0, "not_positive"], // negative zero (shown as 0 in the title)
    [-1, "not_positive"],
    [-1299, "not_positive"],
    [Number.MIN_SAFE_INTEGER, "not_positive"],
    [12.5, "not_integer"],
    [0.5, "not_integer"],
    [1299.0001, "not_integer"],
    [Number.EPSILON, "not_integer"],
    [Number.NaN, "not_integer"],
    [Number.POSITIVE_INFINITY, "not_integer"],
    [Number.NEGATIVE_INFINITY, "not_integer"],
    // Absurdly large whole numbers are refused as too large: that is what the person can fix.
    [Number.MAX_SAFE_INTEGER + 1, "too_large"],
    [1e20, "too_large"],
    [maxPurchaseCents + 1, "too_large"], // one cent over the maximum
    [maxPurchaseCents * 10, "too_large"],
    [Number.MAX_SAFE_INTEGER, "too_large"],
  ] as const)("refuses %d cents: %s", (purchaseCents, reason) => {
    expect(decidePurchase({ purchaseCents, pointsPerEuro: 1, maxPurchaseCents })).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      field: "purchaseAmountCents",
      reason,
      maxPurchaseCents,
    });
  });

  it.each([
    // purchase cents, maximum → accepted?
    [1, 1, true],
    [2, 1, false],
    [49_999, 50_000, true],
    [50_000, 50_000, true],
    [50_001, 50_000, false],
  ])("%i cents against a maximum of %i: accepted %s", (purchaseCents, max, accepted) => {
    expect(decidePurchase({ purchaseCents, pointsPerEuro: 1, maxPurchaseCents: max }).ok).toBe(accepted);
  });
});
