import "server-only";
import type { Clock } from "@/lib/clock";
import { appleCertificates } from "./apple-certificates";
import { buildPass } from "./build-pass";
import type { LoadedPass } from "./load-pass-content";

/*
 * Built passes are kept in memory under their cache key (serial, card
 * version, modification time), so a device fetching a pass that did not
 * change, or a customer downloading it twice, never signs again. Concurrent
 * requests for the same new version share one build. A few thousand passes
 * of ~40 kB each is well under 100 MB; the least recently used go first.
 */
const MAX_CACHED_PASSES = 2_000;
const passes = new Map<string, Promise<Buffer>>();
let built = 0;

/** How many passes this process has built and signed (tests and the benchmark check a cached fetch never signs). */
export function passesBuilt(): number {
  return built;
}

/** The pass cached under this key, if it was built already (no database access needed then). */
export function cachedApplePass(cacheKey: string): Promise<Buffer> | undefined {
  return passes.get(cacheKey);
}

/** The signed .pkpass of a loaded card, from the cache when its version was built before. */
export function getApplePass(loaded: LoadedPass, clock: Clock): Promise<Buffer> {
  const hit = passes.get(loaded.cacheKey);
  if (hit) {
    passes.delete(loaded.cacheKey);
    passes.set(loaded.cacheKey, hit);
    return hit;
  }
  const certificates = appleCertificates();
  if (!certificates) return Promise.reject(new Error("Apple Wallet is not configured"));
  const pass = buildPass(loaded.content, certificates, clock.now()).then((buffer) => {
    built += 1;
    return buffer;
  });
  pass.catch(() => passes.delete(loaded.cacheKey));
  passes.set(loaded.cacheKey, pass);
  if (passes.size > MAX_CACHED_PASSES) passes.delete(passes.keys().next().value!);
  return pass;
}
