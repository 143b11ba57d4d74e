import "server-only";

/**
 * Requests being handled by this process, so shutdown can let them finish
 * before closing the database under them.
 */
let inFlight = 0;
const idleWaiters: (() => void)[] = [];

export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
  inFlight++;
  try {
    return await work();
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
