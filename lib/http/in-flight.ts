import "server-only";
import { getConfig } from "@/lib/config";
import { logger, withRequestId } from "@/lib/logger";
import { problemResponse } from "./problem";

/**
 * Requests being handled by this process: shutdown lets them finish before
 * closing the database under them, and the API sheds load with them.
 */
let inFlight = 0;
const idleWaiters: (() => void)[] = [];
let lastShedLog = 0;

/** Seconds an overloaded instance asks a client to wait before trying again. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 1;

/**
 * The longest a request is handled before its answer (leaving room under 5 s for time spent queued before the
 * handler runs on a busy machine). A request admitted under
 * load may wait for a connection more than once (a read, then a
 * transaction), each wait bounded by the acquire timeout: past this deadline
 * the client is answered 503 + Retry-After while the work goes on (still
 * counted in flight). Like a dropped connection, that 503 does not say
 * whether the change was made: a retry with the same Idempotency-Key is
 * answered with the first result, never applied twice.
 */
export const REQUEST_DEADLINE_MS = 3_000;

export async function trackRequest<T>(work: () => Promise<T>, request?: Request): Promise<T> {
  inFlight++;
  try {
    // Log lines written while handling the request carry its id (set by proxy.ts).
    return await withRequestId(request?.headers.get("x-request-id"), work);
  } finally {
    inFlight--;
    if (inFlight === 0) idleWaiters.splice(0).forEach((wake) => wake());
  }
}

/**
 * Load shedding for API routes (vendorRoute, adminRoute). Past
 * LOYALTY_MAX_IN_FLIGHT requests in progress in this instance, a new one is
 * answered 503 SERVICE_UNAVAILABLE with Retry-After at once, without touching
 * the database: under overload clients get a fast answer to retry, instead of
 * waiting in a queue that grows without bound (each request in progress holds
 * memory and, in turn, a pooled connection). The requests admitted are bounded
 * too: at most LOYALTY_DB_ACQUIRE_TIMEOUT_MS waiting for a connection, at most
 * LOYALTY_DB_STATEMENT_TIMEOUT_MS per statement (lib/db/postgres-adapter.ts),
 * both answered 503 by errorResponse, and the whole request by
 * REQUEST_DEADLINE_MS. The cap is per instance, like the pool:
 * with several instances each sheds its own excess. /api/health is not capped,
 * so a load balancer still sees the instance alive.
 */
export function admitRequest(work: () => Promise<Response>, request?: Request): Promise<Response> {
  if (inFlight >= getConfig().serving.maxInFlight) {
    const now = Date.now();
    if (now - lastShedLog > 1_000) {
      lastShedLog = now;
      logger.warn("http.overloaded", { inFlight, maxInFlight: getConfig().serving.maxInFlight });
    }
    return Promise.resolve(
      problemResponse("SERVICE_UNAVAILABLE", {
        detail: "This server is busy: try again in a moment.",
        retryAfter: OVERLOAD_RETRY_AFTER_SECONDS,
      }),
    );
  }
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Response>((resolve) => {
    timer = setTimeout(() => {
      logger.warn("http.deadline_exceeded", { afterMs: Date.now() - started, inFlight });
      resolve(
        problemResponse("SERVICE_UNAVAILABLE", {
          detail: "This server is busy: try again in a moment (with the same Idempotency-Key for a change).",
          retryAfter: OVERLOAD_RETRY_AFTER_SECONDS,
        }),
      );
    }, REQUEST_DEADLINE_MS);
  });
  return Promise.race([trackRequest(work, request), deadline]).finally(() => clearTimeout(timer));
}

/** Resolves when no request is in progress, or after `timeoutMs`. */
export function requestsSettled(timeoutMs: number): Promise<void> {
  if (inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    idleWaiters.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
