import { describe, expect, it } from "vitest";
import { MAX_BALANCE, decideAdjustment, type AdjustingRole } from "./adjustment";
import type { ProgramType } from "./program-features";

const card = { stampCount: 4, pointsBalance: 120 };

type Request = {
  role?: AdjustingRole;
  reason?: string;
  stampsDelta?: number;
  pointsDelta?: number;
  programType?: ProgramType;
};

/** A valid owner request on a hybrid program, changed only where a case says so. */
const adjust = (request: Request) =>
  decideAdjustment({ role: "owner", reason: "goodwill", stampsDelta: 0, pointsDelta: 0, card, programType: "hybrid", ...request });

describe("decideAdjustment: who may adjust", () => {
  it.each(["owner", "manager"] as const)("%s may", (role) => {
    expect(adjust({ role, stampsDelta: 1 })).toEqual({ ok: true, stampCount: 5, pointsBalance: 120 });
  });

  it.each(["staff", "admin", "api_key"] as const)("%s may not", (role) => {
    expect(adjust({ role, stampsDelta: 1 })).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  // Authorization comes first: a forbidden caller learns nothing about what else is wrong.
  it.each(["staff", "admin", "api_key"] as const)("%s may not, even with an invalid request", (role) => {
    expect(adjust({ role, reason: "", stampsDelta: 0, pointsDelta: 0 })).toEqual({ ok: false, code: "FORBIDDEN" });
  });
});

describe("decideAdjustment: the reason", () => {
  it.each(["", " ", "   ", "\t", "\n", " \t\r\n ", "\u00a0" /* no-break space */])("refuses the reason %j", (reason) => {
    expect(adjust({ reason, stampsDelta: 1 })).toEqual({ ok: false, code: "VALIDATION_FAILED", field: "reason", reason: "required" });
  });

  it.each(["x", "goodwill", "  lost card, restored from paper  ", "Kaffi fir de Klient 🙂"])("accepts the reason %j", (reason) => {
    expect(adjust({ reason, stampsDelta: 1 }).ok).toBe(true);
  });
});

describe("decideAdjustment: deltas must be safe integers", () => {
  it.each([1.5, -0.5, Number.EPSILON, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, -1e20])(
    "refuses stampsDelta %d",
    (stampsDelta) => {
      expect(adjust({ stampsDelta })).toEqual({ ok: false, code: "VALIDATION_FAILED", field: "stampsDelta", reason: "not_integer" });
    },
  );

  it.each([12.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, 1e20])(
    "refuses pointsDelta %d",
    (pointsDelta) => {
      expect(adjust({ pointsDelta })).toEqual({ ok: false, code: "VALIDATION_FAILED", field: "pointsDelta", reason: "not_integer" });
    },
  );
});

describe("decideAdjustment: an adjustment must change something", () => {
  it.each([
    ["stamps", 0, 0],
    ["points", 0, 0],
    ["hybrid", 0, 0],
    ["hybrid", -0, 0], // negative zero is still zero
    ["stamps", 0, -0],
  ] as const)("refuses a %s program adjustment of %d stamps and %d points", (programType, stampsDelta, pointsDelta) => {
    expect(adjust({ programType, stampsDelta, pointsDelta })).toMatchObject({ ok: false, code: "VALIDATION_FAILED", reason: "zero" });
  });
});

describe("decideAdjustment: only the balances the program uses", () => {
  it.each([
    // program, stamps delta, points delta → refused field
    ["points", 1, 0, "stampsDelta"],
    ["points", -1, 0, "stampsDelta"],
    ["points", 1, 10, "stampsDelta"], // a valid points part does not excuse the stamps part
    ["stamps", 0, 10, "pointsDelta"],
    ["stamps", 0, -10, "pointsDelta"],
    ["stamps", 1, 10, "pointsDelta"],
  ] as const)("a %s program refuses %d stamps and %d points (%s)", (programType, stampsDelta, pointsDelta, field) => {
    expect(adjust({ programType, stampsDelta, pointsDelta })).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      field,
      reason: "not_in_program",
    });
  });

  it.each([
    // program, stamps delta, points delta → stamps, points after (card holds 4 stamps and 120 points)
    ["stamps", 1, 0, 5, 120],
    ["stamps", -4, 0, 0, 120], // down to exactly zero
    ["stamps", 10, 0, 14, 120],
    ["points", 0, 30, 4, 150],
    ["points", 0, -120, 4, 0], // down to exactly zero
    ["hybrid", 1, 0, 5, 120],
    ["hybrid", 0, -20, 4, 100],
    ["hybrid", -1, 50, 3, 170], // both at once, in opposite directions
    ["hybrid", -4, -120, 0, 0],
  ] as const)(
    "a %s program applies %d stamps and %d points → %i stamps, %i points",
    (programType, stampsDelta, pointsDelta, stampCount, pointsBalance) => {
      expect(adjust({ programType, stampsDelta, pointsDelta })).toEqual({ ok: true, stampCount, pointsBalance });
    },
  );
});

describe("decideAdjustment: never below zero", () => {
  it.each([
    // program, stamps delta, points delta → refused field (card holds 4 stamps and 120 points)
    ["stamps", -5, 0, "stampsDelta"], // one stamp too many
    ["stamps", Number.MIN_SAFE_INTEGER, 0, "stampsDelta"],
    ["points", 0, -121, "pointsDelta"], // one point too many
    ["hybrid", -5, 10, "stampsDelta"],
    ["hybrid", 1, -121, "pointsDelta"],
  ] as const)("a %s program refuses %d stamps and %d points (%s)", (programType, stampsDelta, pointsDelta, field) => {
    expect(adjust({ programType, stampsDelta, pointsDelta })).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      field,
      reason: "below_zero",
    });
  });
});

describe("decideAdjustment beyond what a card can hold", () => {
  it.each([
    ["stampsDelta", { stampsDelta: MAX_BALANCE, pointsDelta: 0 }, { stampCount: 1, pointsBalance: 0 }],
    ["pointsDelta", { stampsDelta: 0, pointsDelta: 1 }, { stampCount: 0, pointsBalance: MAX_BALANCE }],
  ] as const)("refuses a %s that would overflow the stored balance", (field, deltas, card) => {
    expect(decideAdjustment({ role: "owner", reason: "fix", ...deltas, card, programType: "hybrid" })).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      field,
      reason: "too_large",
    });
  });
});
