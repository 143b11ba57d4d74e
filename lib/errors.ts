/**
 * One error vocabulary from the engine to HTTP (design.md, "HTTP contract").
 * Services throw AppError with a stable code; lib/http turns it into
 * problem+json with the status below; the UI shows messages `errors.<CODE>`.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PIN_INVALID: 401,
  PIN_LOCKED: 423,
  COOLDOWN_ACTIVE: 429,
  DAILY_LIMIT_REACHED: 429,
  CARD_FULL: 409,
  REWARD_NOT_AVAILABLE: 409,
  INSUFFICIENT_POINTS: 409,
  IDEMPOTENCY_CONFLICT: 422,
  MERCHANT_SUSPENDED: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type AppErrorDetails = {
  /** Seconds until trying again makes sense (cooldown, daily limit, rate limit). */
  retryAfter?: number;
  /** Field path → problems, for validation errors. */
  fieldErrors?: Record<string, string[]>;
  /** Anything else the client needs (e.g. nextStampAvailableAt, attemptsLeft). */
  extra?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: AppErrorDetails = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
