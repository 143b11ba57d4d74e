import "server-only";
import { withRequestId } from "@/lib/logger";

/**
 * Requests being handled by this process, so shutdown can let them finish
 * before closing the database under them.
 */
let inFlight = 0;
const idleWaiters: (() => void)[] = [];

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
