import { ERROR_STATUS, type AppError, type ErrorCode } from "@/lib/errors";
import { translateFieldErrors } from "@/lib/i18n/translate-field-errors";
import { translatorFor } from "@/lib/i18n/translator";

/** Short English titles for API clients; people see the translated messages instead. */
const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: "The request is not valid",
  UNAUTHENTICATED: "Authentication is required",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  PIN_INVALID: "Wrong staff PIN",
  PIN_LOCKED: "Staff PIN locked",
  COOLDOWN_ACTIVE: "Too soon for another stamp",
  DAILY_LIMIT_REACHED: "Daily stamp limit reached",
  CARD_FULL: "The card is full",
  REWARD_NOT_AVAILABLE: "No reward available",
  INSUFFICIENT_POINTS: "Not enough points",
  IDEMPOTENCY_CONFLICT: "Idempotency key reused with another request",
  MERCHANT_SUSPENDED: "Merchant suspended",
  RATE_LIMITED: "Too many requests",
  SERVICE_UNAVAILABLE: "Service unavailable",
  INTERNAL_ERROR: "Internal error",
};

export type ProblemOptions = {
  detail?: string;
  retryAfter?: number;
  fieldErrors?: Record<string, string[]>;
  extra?: Record<string, unknown>;
};

/** An RFC 9457 problem+json response with the stable `code` of design.md. */
export function problemResponse(code: ErrorCode, options: ProblemOptions = {}): Response {
  const status = ERROR_STATUS[code];
  const body = {
    type: `about:blank#${code}`,
    title: TITLES[code],
    status,
    code,
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}),
    // API clients read English: field message keys are put into English words.
    ...(options.fieldErrors ? { errors: translateFieldErrors(options.fieldErrors, english()) } : {}),
    ...options.extra,
  };
  const headers = new Headers({ "content-type": "application/problem+json", "cache-control": "no-store" });
  if (options.retryAfter !== undefined) headers.set("retry-after", String(Math.max(0, Math.ceil(options.retryAfter))));
  return new Response(JSON.stringify(body), { status, headers });
}

function english() {
  const t = translatorFor("en");
  return (key: string, values?: Record<string, string | number>) =>
    (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

export function problemFromAppError(error: AppError): Response {
  return problemResponse(error.code, {
    detail: error.message === error.code ? undefined : error.message,
    retryAfter: error.details.retryAfter,
    fieldErrors: error.details.fieldErrors,
    extra: error.details.extra,
  });
}
