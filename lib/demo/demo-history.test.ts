import { describe, expect, it } from "vitest";
import { DEMO_STAMPS_TARGET, DEMO_TIME_ZONE, generateDemoHistory, localDay } from "./demo-history";
import { STAFF } from "./demo-people";

const now = new Date("2026-11-21T10:15:00Z");
const history = generateDemoHistory(now);
const allVisits = history.flatMap((customer) => customer.visits);

describe("generateDemoHistory", () => {
  it("makes about fifty customers with sixty days of history spread over both stores and all staff", () => {
    expect(history).toHaveLength(50);
    const oldest = Math.min(...allVisits.map((visit) => visit.at.getTime()));
    expect((now.getTime() - oldest) / 86_400_000).toBeGreaterThan(59);
    expect(new Set(allVisits.map((visit) => visit.storeIndex))).toEqual(new Set([0, 1]));
    expect(new Set(allVisits.map((visit) => visit.staffIndex))).toEqual(new Set([0, 1, 2]));
    expect(allVisits.filter((visit) => visit.kind === "redeem").length).toBeGreaterThan(5);
    expect(allVisits.length).toBeGreaterThan(400);
  });

  it("is the same for the same day", () => {
    expect(generateDemoHistory(now)).toEqual(history);
  });

  it("never dates a visit after now, and keeps to opening hours in Luxembourg", () => {
    for (const visit of allVisits) {
      expect(visit.at.getTime()).toBeLessThanOrEqual(now.getTime());
      const hour = Number(
        new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: DEMO_TIME_ZONE }).format(visit.at),
      );
      expect(hour).toBeGreaterThanOrEqual(7);
      expect(hour).toBeLessThan(19);
    }
  });

  it("follows the rules: one stamp per visit, a full card redeemed, balances that add up", () => {
    for (const customer of history) {
      let stamps = 0;
      let lastDay = "";
      for (const visit of customer.visits) {
        const day = localDay(visit.at, DEMO_TIME_ZONE).toISOString();
        expect(day, "at most one visit a day").not.toBe(lastDay);
        lastDay = day;
        if (visit.kind === "redeem") {
          expect(stamps).toBe(DEMO_STAMPS_TARGET);
          stamps -= DEMO_STAMPS_TARGET;
        } else {
          expect(stamps).toBeLessThan(DEMO_STAMPS_TARGET);
          stamps += 1;
        }
        expect(visit.stampsAfter).toBe(stamps);
      }
    }
  });

  it("only lets staff stamp at the stores they work at", () => {
    for (const visit of allVisits) {
      expect(STAFF[visit.staffIndex]!.stores as readonly number[]).toContain(visit.storeIndex);
    }
  });

  it("gives email consent only to customers with an email", () => {
    for (const customer of history) if (customer.emailConsent) expect(customer.email).not.toBeNull();
    expect(history.some((customer) => customer.emailConsent)).toBe(true);
    expect(history.some((customer) => customer.email && !customer.emailConsent)).toBe(true);
  });
});

describe("localDay", () => {
  it("counts calendar days in the merchant's time zone", () => {
    expect(localDay(new Date("2026-03-28T23:30:00Z"), DEMO_TIME_ZONE).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(localDay(new Date("2026-03-28T22:30:00Z"), DEMO_TIME_ZONE).toISOString()).toBe("2026-03-28T00:00:00.000Z");
  });
});
