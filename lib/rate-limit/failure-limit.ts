import "server-only";
import { checkRateLimit, penalizeRateLimit, RATE_LIMITS, type RateLimitName } from "./rate-limit";

/**
 * A limit on failures (wrong PINs, refused wallet and public requests) whose
 * count is shared by every app instance (rate_limits), checked before the work.
 * Reading the shared count costs a database round trip, and nearly every
 * request is a success: so this process reads it only for clients it saw a
 * failure from within the limit's window. A client failing on another
 * instance is checked here from its first failure here on, so across N
 * instances a limit holds to within N attempts.
 */
export type FailureLimit = {
  /** Refuses (RATE_LIMITED) a client over the limit; free for clients this process saw no failure from. */
  check(clientKey: string, now: Date): Promise<void>;
  /** Counts a failure against the client. */
  record(clientKey: string, now: Date): Promise<void>;
};

const MAX_SUSPECTS = 10_000;

export function failureLimit(name: RateLimitName): FailureLimit {
  const suspects = new Map<string, number>();
  return {
    async check(clientKey, now) {
      const until = suspects.get(clientKey);
      if (until === undefined) return;
      if (until < now.getTime()) {
        suspects.delete(clientKey);
        return;
      }
      await checkRateLimit(name, clientKey);
    },
    async record(clientKey, now) {
      if (suspects.size >= MAX_SUSPECTS) suspects.delete(suspects.keys().next().value!);
      suspects.set(clientKey, now.getTime() + RATE_LIMITS[name].duration * 1000);
      await penalizeRateLimit(name, clientKey);
    },
  };
}
