import { describe, expect, it } from "vitest";
import { summarizeDetails } from "./summarize-details";

describe("summarizeDetails", () => {
  it("shows a settings change as one line per changed field", () => {
    expect(summarizeDetails({ before: { name: "Old", timeZone: "Europe/Luxembourg" }, after: { name: "New", timeZone: "UTC" } })).toEqual([
      { field: "name", before: { kind: "text", text: "Old" }, after: { kind: "text", text: "New" } },
      { field: "timeZone", before: { kind: "text", text: "Europe/Luxembourg" }, after: { kind: "text", text: "UTC" } },
    ]);
  });

  it("shows other details field by field, without ids, in few words", () => {
    expect(
      summarizeDetails({
        name: "Sam",
        storeIds: ["a", "b"],
        pinChanged: true,
        address: null,
        tiers: [{ a: 1 }],
        cost: 120,
        note: "x".repeat(200),
      }),
    ).toEqual([
      { field: "name", value: { kind: "text", text: "Sam" } },
      { field: "pinChanged", value: { kind: "boolean", value: true } },
      { field: "address", value: { kind: "empty" } },
      { field: "tiers", value: { kind: "items", count: 1 } },
      { field: "cost", value: { kind: "text", text: "120" } },
      { field: "note", value: { kind: "text", text: `${"x".repeat(79)}…` } },
    ]);
  });

  it("has nothing to show for no details", () => {
    expect(summarizeDetails(null)).toEqual([]);
    expect(summarizeDetails(undefined)).toEqual([]);
  });
});
