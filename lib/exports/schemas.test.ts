import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { transactionsExportRangeSchema } from "./schemas";

const issues = (range: unknown) => {
  const result = transactionsExportRangeSchema.safeParse(range);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
};

describe("transactionsExportRangeSchema", () => {
  it("accepts a range of calendar days, one day and a leap year included", () => {
    expect(issues({ from: "2026-03-29", to: "2026-03-29" })).toEqual([]);
    expect(issues({ from: "2024-02-29", to: "2025-03-01" })).toEqual([]);
    // 366 days apart is the widest range.
    expect(issues({ from: "2025-01-01", to: "2026-01-02" })).toEqual([]);
  });

  it("names the field and the problem for a malformed or impossible date", () => {
    expect(issues({ from: "29/03/2026", to: "2026-03-29" })).toEqual([["from", "validation.date"]]);
    expect(issues({ from: "2026-03-01", to: "2026-02-30" })).toEqual([["to", "validation.date"]]);
    expect(issues({ from: "2025-02-29", to: "2025-03-01" })).toEqual([["from", "validation.date"]]);
    expect(issues({ from: "2026-3-1", to: "2026-03-01" })[0]?.[0]).toBe("from");
    expect(issues({ from: "2026-03-01" })[0]?.[0]).toBe("to");
  });

  it("refuses an end before the start, and more than 366 days apart", () => {
    expect(issues({ from: "2026-03-02", to: "2026-03-01" })).toEqual([["to", "validation.dateRange"]]);
    expect(issues({ from: "2025-01-01", to: "2026-01-03" })).toEqual([["to", "validation.dateRangeTooLong"]]);
  });

  it("uses message keys that messages/en.json puts into words", () => {
    const messages: Record<string, string> = en.validation;
    for (const key of ["date", "dateRange", "dateRangeTooLong"]) expect(messages[key]).toEqual(expect.any(String));
  });
});
