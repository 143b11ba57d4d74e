import { describe, expect, it } from "vitest";
import { LARGE_CARDS, LARGE_LEDGER_ROWS, LARGE_STAMPS_TARGET, entryCounts, generateLargeCard } from "./large-history";

const now = new Date("2026-11-21T12:00:00Z");

describe("the large demo's history", () => {
  it("has exactly one million ledger rows over 100,000 cards, 1 to 19 per card", () => {
    const counts = entryCounts();
    expect(counts).toHaveLength(LARGE_CARDS);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(LARGE_LEDGER_ROWS);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(19);
  });

  it("follows the program's rules, so balances are the sum of the ledger", () => {
    for (let index = 0; index < 2_000; index++) {
      const card = generateLargeCard(index, 1 + (index % 19), now);
      let stamps = 0;
      let points = 0;
      let previous = card.enrolledAt.getTime();
      for (const entry of card.entries) {
        if (entry.type === "stamp_earned") expect(stamps).toBeLessThan(LARGE_STAMPS_TARGET);
        if (entry.type === "stamp_reward_redeemed") expect(stamps).toBeGreaterThanOrEqual(LARGE_STAMPS_TARGET);
        stamps += entry.stampsDelta;
        points += entry.pointsDelta;
        expect(points).toBeGreaterThanOrEqual(0);
        expect([entry.stampsAfter, entry.pointsAfter]).toEqual([stamps, points]);
        expect(entry.at.getTime()).toBeGreaterThan(previous);
        expect(entry.at.getTime()).toBeLessThanOrEqual(now.getTime());
        previous = entry.at.getTime();
      }
    }
  });

  it("is the same on every run", () => {
    expect(generateLargeCard(42, 10, now)).toEqual(generateLargeCard(42, 10, now));
  });
});
