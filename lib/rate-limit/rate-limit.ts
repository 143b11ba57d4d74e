import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig } from "@/lib/config";
import { getDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Attempts allowed per window, per scope. */
export const RATE_LIMITS = {
  loginByClient: { points: 30, duration: 15 * 60 },
  loginByEmail: { points: 10, duration: 15 * 60 },
  passwordResetByClient: { points: 10, duration: 60 * 60 },
  passwordResetByEmail: { points: 3, duration: 60 * 60 },
  signUpByClient: { points: 10, duration: 60 * 60 },
  /** Customer enrollment: a phone enrolls a few people (a family) at most; a store's poster sees a busy hour. */
  enrollByClient: { points: 10, duration: 60 * 60 },
  enrollByStore: { points: 300, duration: 60 * 60 },
  /** Card recovery: codes asked for, per client and per address, and codes typed per client. */
  recoveryByClient: { points: 10, duration: 60 * 60 },
  recoveryByEmail: { points: 3, duration: 60 * 60 },
  recoveryVerifyByClient: { points: 30, duration: 60 * 60 },
  /**
   * Wrong staff PINs per client (an API key, a counter tablet, an address), across all staff members:
   * each member locks after a few wrong PINs, this caps guessing spread over many members.
   */
  pinFailuresByClient: { points: 50, duration: 15 * 60 },
  /** Card lookups and counter searches per client: a till looks up one customer at a time. */
  cardLookupByClient: { points: 300, duration: 60 },
  /** The public program description of a store (GET /api/v1/loyalty/programs/{storeCode}). */
  publicProgramByClient: { points: 120, duration: 60 },
  /**
   * Refused wallet and public-link requests per client (an unknown pass, a wrong ApplePass token, a bad
   * signed link, an unknown store code): guessing is capped; devices that hold a valid pass are not counted.
   */
  publicMissesByClient: { points: 60, duration: 15 * 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const limiters = new Map<RateLimitName, RateLimiterPostgres>();

/**
 * Counters live in the database (rate_limits, rate-limiter-flexible's
 * PostgreSQL store), so a limit holds across every app instance; PGlite
 * speaks the same SQL. The database's plain query is the store's "pool".
 */
function limiter(name: RateLimitName): RateLimiterPostgres {
  let existing = limiters.get(name);
  if (!existing) {
    existing = new RateLimiterPostgres({
      storeClient: { query: (q: { text: string; values?: unknown[] }) => getDatabase().query(q.text, q.values) },
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      ...RATE_LIMITS[name],
    });
    limiters.set(name, existing);
  }
  return existing;
}

/** Keys are keyed digests: no email address or client address is stored in the table. */
function digest(key: string): string {
  return createHmac("sha256", getConfig().secrets.secretKey).update(`rate-limit\0${key.toLowerCase()}`).digest("base64url");
}

/** Counts one attempt; throws RATE_LIMITED (with retryAfter seconds) when the scope is over its limit. */
export async function consumeRateLimit(name: RateLimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(digest(key));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError(
        "RATE_LIMITED",
        { retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) },
        "Too many attempts: try again later.",
      );
    }
    throw rejection;
  }
}

/** Throws RATE_LIMITED when the scope is already over its limit, without counting an attempt (see penalizeRateLimit). */
export async function checkRateLimit(name: RateLimitName, key: string): Promise<void> {
  const state = await limiter(name).get(digest(key));
  if (state && state.consumedPoints >= RATE_LIMITS[name].points && state.msBeforeNext > 0) {
    throw new AppError(
      "RATE_LIMITED",
      { retryAfter: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) },
      "Too many attempts: try again later.",
    );
  }
}

/** Counts one failed attempt against a scope (the next checkRateLimit refuses once the limit is reached). */
export async function penalizeRateLimit(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).penalty(digest(key), 1);
}

/** Forgets a scope's attempts (a successful login clears its email's count). */
export async function resetRateLimit(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).delete(digest(key));
}
