import "server-only";
import type { Refused } from "@/lib/domain/decisions";
import { AppError, type ErrorCode } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

type AnyRefusal = Refused<ErrorCode, Record<string, unknown>>;

const MESSAGES: Partial<Record<ErrorCode, (r: Record<string, unknown>) => string>> = {
  CARD_FULL: () => "The card is full: redeem its reward before adding stamps.",
  COOLDOWN_ACTIVE: (r) => `Too soon after the last stamp: the next stamp is possible at ${String(r.nextStampAvailableAt)}.`,
  DAILY_LIMIT_REACHED: (r) =>
    `This card already got ${String(r.stampsToday)} stamp(s) today: the next is possible at ${String(r.nextStampAvailableAt)}.`,
  REWARD_NOT_AVAILABLE: (r) =>
    r.reason === "retired"
      ? "This reward is no longer offered."
      : `No reward to redeem yet: ${String(r.stampsNeeded)} more stamp(s) needed.`,
  INSUFFICIENT_POINTS: (r) => `Not enough points: ${String(r.pointsNeeded)} more needed.`,
};

/** Turns the engine's refusal into the error the API and the UI show; dates become ISO strings. */
export function refusalError(refusal: AnyRefusal): AppError {
  const {
    ok: _ok,
    code,
    retryAfterSeconds,
    field,
    reason,
    ...rest
  } = refusal as AnyRefusal & {
    retryAfterSeconds?: number;
    field?: string;
    reason?: string;
  };
  const extra = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
  if (code === "VALIDATION_FAILED" && field) {
    return new AppError(
      code,
      { fieldErrors: { [field]: [describeProblem(field, reason ?? "invalid", extra)] }, extra },
      `Invalid ${field}.`,
    );
  }
  const message = MESSAGES[code]?.({ ...extra, reason });
  return new AppError(code, { retryAfter: retryAfterSeconds, extra: reason ? { ...extra, reason } : extra }, message);
}

/** The message key for a refused field (put into words at the edge). */
function describeProblem(field: string, problem: string, extra: Record<string, unknown>): string {
  switch (problem) {
    case "not_integer":
      return "validation.wholeNumber";
    case "not_positive":
      return "validation.amountPositive";
    case "too_large":
      return extra.maxPurchaseCents !== undefined
        ? messageKey("validation.amountTooLarge", { maximum: Number(extra.maxPurchaseCents) })
        : "validation.balanceTooLarge";
    case "required":
      return field === "reason" ? "validation.reasonRequired" : "validation.required";
    case "zero":
      return "validation.amountZero";
    case "below_zero":
      return "validation.belowZero";
    case "not_in_program":
      return "validation.notInProgram";
    default:
      return "validation.invalid";
  }
}
