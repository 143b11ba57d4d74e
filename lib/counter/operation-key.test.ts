import { describe, expect, it } from "vitest";
import { operationKey, type OperationRequest } from "./operation-key";
import type { CounterOperationInput } from "./schemas";

const CARD = "400000000006";
const OTHER_CARD = "400000000014";
const KEY = "6f1d0c1e-8d7a-4d35-9b1f-0c6a5e2b7a10";
const fresh = () => "new-key";

describe("operationKey", () => {
  it("makes a new key when nothing is left unanswered", () => {
    expect(operationKey({ kind: "stamp", cardNumber: CARD }, null, fresh)).toBe("new-key");
  });

  it.each<[string, OperationRequest, CounterOperationInput]>([
    ["a stamp", { kind: "stamp", cardNumber: CARD }, { kind: "stamp", cardNumber: CARD, idempotencyKey: KEY }],
    ["a redemption of stamps", { kind: "redeemStamps", cardNumber: CARD }, { kind: "redeemStamps", cardNumber: CARD, idempotencyKey: KEY }],
    [
      "a purchase of the same amount",
      { kind: "earnPoints", cardNumber: CARD, purchaseAmountCents: 1250 },
      { kind: "earnPoints", cardNumber: CARD, purchaseAmountCents: 1250, idempotencyKey: KEY },
    ],
    [
      "the same catalog reward",
      { kind: "redeemReward", cardNumber: CARD, rewardId: "0b5e0f57-3f51-4d5e-8a53-0a4cdb0a5f11" },
      { kind: "redeemReward", cardNumber: CARD, rewardId: "0b5e0f57-3f51-4d5e-8a53-0a4cdb0a5f11", idempotencyKey: KEY },
    ],
  ])("keeps the unanswered key for %s asked again of the same card", (_, request, unanswered) => {
    expect(operationKey(request, unanswered, fresh)).toBe(KEY);
  });

  it.each<[string, OperationRequest, CounterOperationInput]>([
    ["another card", { kind: "stamp", cardNumber: OTHER_CARD }, { kind: "stamp", cardNumber: CARD, idempotencyKey: KEY }],
    ["another kind", { kind: "redeemStamps", cardNumber: CARD }, { kind: "stamp", cardNumber: CARD, idempotencyKey: KEY }],
    [
      "another amount",
      { kind: "earnPoints", cardNumber: CARD, purchaseAmountCents: 1200 },
      { kind: "earnPoints", cardNumber: CARD, purchaseAmountCents: 1250, idempotencyKey: KEY },
    ],
    [
      "another reward",
      { kind: "redeemReward", cardNumber: CARD, rewardId: "0b5e0f57-3f51-4d5e-8a53-0a4cdb0a5f11" },
      { kind: "redeemReward", cardNumber: CARD, rewardId: "7c0c8a34-6b3c-4c55-a7a7-6a1f2b9c3d22", idempotencyKey: KEY },
    ],
  ])("makes a new key for %s", (_, request, unanswered) => {
    expect(operationKey(request, unanswered, fresh)).toBe("new-key");
  });
});
