import type { Accepted, Refused } from "./decisions";

/**
 * Points from a purchase: floor(cents × points per euro / 100), in integers
 * only (a purchase of 12.99 € at 1 point per euro earns 12 points).
 */
export function pointsForPurchase(purchaseCents: number, pointsPerEuro: number): number {
  return Math.floor((purchaseCents * pointsPerEuro) / 100);
}

export type PurchaseDecision =
  | Accepted<{ pointsEarned: number }>
  | Refused<
      "VALIDATION_FAILED",
      { field: "purchaseAmountCents"; reason: "not_integer" | "not_positive" | "too_large"; maxPurchaseCents: number }
    >;

/** A purchase must be a positive whole number of cents, no larger than the program's bound. */
export function decidePurchase({
  purchaseCents,
  pointsPerEuro,
  maxPurchaseCents,
}: {
  purchaseCents: number;
  pointsPerEuro: number;
  maxPurchaseCents: number;
}): PurchaseDecision {
  const refuse = (reason: "not_integer" | "not_positive" | "too_large"): PurchaseDecision => ({
    ok: false,
    code: "VALIDATION_FAILED",
    field: "purchaseAmountCents",
    reason,
    maxPurchaseCents,
  });
  // A huge whole number is "too large", not "not a whole number": say what the person can fix.
  if (!Number.isInteger(purchaseCents)) return refuse("not_integer");
  if (purchaseCents <= 0) return refuse("not_positive");
  if (purchaseCents > maxPurchaseCents) return refuse("too_large");
  return { ok: true, pointsEarned: pointsForPurchase(purchaseCents, pointsPerEuro) };
}
