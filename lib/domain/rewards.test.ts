import { describe, expect, it } from "vitest";
import { decideRewardRedemption } from "./rewards";

describe("decideRewardRedemption", () => {
  it.each([
    // balance, cost → balance after
    [500, 500, 0], // exactly enough: down to zero, not below
    [501, 500, 1],
    [10_000, 500, 9_500],
    [1, 1, 0],
    [0, 0, 0], // a free reward on an empty card
    [250, 0, 250],
    [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER - 1],
  ])("with %i points, a reward costing %i leaves %i", (pointsBalance, pointsCost, after) => {
    expect(decideRewardRedemption({ pointsBalance, reward: { pointsCost, active: true } })).toEqual({
      ok: true,
      pointsSpent: pointsCost,
      pointsBalance: after,
    });
  });

  it.each([
    // balance, cost → points still needed
    [499, 500, 1], // one point short
    [0, 500, 500],
    [0, 1, 1],
    [100, 101, 1],
    [1, 10_000, 9_999],
  ])("with %i points, a reward costing %i needs %i more", (pointsBalance, pointsCost, pointsNeeded) => {
    expect(decideRewardRedemption({ pointsBalance, reward: { pointsCost, active: true } })).toEqual({
      ok: false,
      code: "INSUFFICIENT_POINTS",
      pointsNeeded,
      pointsBalance,
    });
  });

  it.each([
    // balance, cost: a retired reward is refused whatever the balance
    [1_000, 500],
    [500, 500],
    [0, 500], // retired wins over insufficient points
    [0, 0],
  ])("refuses a retired reward (balance %i, cost %i)", (pointsBalance, pointsCost) => {
    expect(decideRewardRedemption({ pointsBalance, reward: { pointsCost, active: false } })).toEqual({
      ok: false,
      code: "REWARD_NOT_AVAILABLE",
      reason: "retired",
    });
  });

  // Whatever the balance and cost, an accepted redemption never leaves a negative balance.
  it.each([0, 1, 99, 100, 101, 5_000])("never goes below zero for a reward costing %i", (pointsCost) => {
    for (let pointsBalance = 0; pointsBalance <= 6_000; pointsBalance += 7) {
      const decision = decideRewardRedemption({ pointsBalance, reward: { pointsCost, active: true } });
      if (decision.ok) {
        expect(decision.pointsBalance).toBeGreaterThanOrEqual(0);
        expect(decision.pointsBalance + decision.pointsSpent).toBe(pointsBalance);
      } else {
        expect(pointsBalance).toBeLessThan(pointsCost);
      }
    }
  });
});
