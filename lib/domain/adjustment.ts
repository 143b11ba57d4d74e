import type { Accepted, Refused } from "./decisions";
import { usesPoints, usesStamps, type ProgramType } from "./program-features";

export type AdjustingRole = "owner" | "manager" | "admin" | "api_key" | "staff";

type AdjustmentField = "reason" | "stampsDelta" | "pointsDelta";
type AdjustmentProblem = "required" | "zero" | "below_zero" | "too_large" | "not_integer" | "not_in_program";

/** Balances are stored as 32-bit integers. */
export const MAX_BALANCE = 2_147_483_647;

export type AdjustmentDecision =
  | Accepted<{ stampCount: number; pointsBalance: number }>
  | Refused<"FORBIDDEN">
  | Refused<"VALIDATION_FAILED", { field: AdjustmentField; reason: AdjustmentProblem }>;

/**
 * A manual correction of a card's balances: only a manager or owner may make
 * one, with a reason; it changes something, only what the program uses, and
 * never takes a balance below zero.
 */
export function decideAdjustment({
  role,
  reason,
  stampsDelta,
  pointsDelta,
  card,
  programType,
}: {
  role: AdjustingRole;
  reason: string;
  stampsDelta: number;
  pointsDelta: number;
  card: { stampCount: number; pointsBalance: number };
  programType: ProgramType;
}): AdjustmentDecision {
  if (role !== "owner" && role !== "manager") return { ok: false, code: "FORBIDDEN" };
  const refuse = (field: AdjustmentField, problem: AdjustmentProblem): AdjustmentDecision => ({
    ok: false,
    code: "VALIDATION_FAILED",
    field,
    reason: problem,
  });
  if (reason.trim() === "") return refuse("reason", "required");
  if (!Number.isSafeInteger(stampsDelta)) return refuse("stampsDelta", "not_integer");
  if (!Number.isSafeInteger(pointsDelta)) return refuse("pointsDelta", "not_integer");
  if (stampsDelta === 0 && pointsDelta === 0) return refuse(usesStamps(programType) ? "stampsDelta" : "pointsDelta", "zero");
  if (stampsDelta !== 0 && !usesStamps(programType)) return refuse("stampsDelta", "not_in_program");
  if (pointsDelta !== 0 && !usesPoints(programType)) return refuse("pointsDelta", "not_in_program");
  const stampCount = card.stampCount + stampsDelta;
  const pointsBalance = card.pointsBalance + pointsDelta;
  if (stampCount < 0) return refuse("stampsDelta", "below_zero");
  if (pointsBalance < 0) return refuse("pointsDelta", "below_zero");
  if (stampCount > MAX_BALANCE) return refuse("stampsDelta", "too_large");
  if (pointsBalance > MAX_BALANCE) return refuse("pointsDelta", "too_large");
  return { ok: true, stampCount, pointsBalance };
}
