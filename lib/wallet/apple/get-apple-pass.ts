import "server-only";
import { LRUCache } from "lru-cache";
import type { Clock } from "@/lib/clock";
import { appleCertificates } from "./apple-certificates";
import { buildPass } from "./build-pass";
import type { LoadedPass } from "./load-pass-content";

/*
 * Built passes are kept in memory under their cache key (serial, card
 * version, modification time), so a device fetching a pass that did not
 * change, or a customer downloading it twice, never signs again. Concurrent
 * requests for the same new version share one build. The cache is bounded by
 * its bytes: a pass weighs 45 to 60 kB with its nine PNGs (more with an
 * uploaded logo), so 32 MB keeps the latest 500 to 700; the least recently
 * used go first, and a failed build is not kept.
 */
export const PASS_CACHE_BYTES = 32 * 1024 * 1024;

const passes = new LRUCache<string, Buffer, () => Promise<Buffer>>({
  maxSize: PASS_CACHE_BYTES,
  sizeCalculation: (pass) => Math.max(1, pass.length),
  fetchMethod: (_key, _stale, { context }) => context(),
  // A build still in flight when its entry is evicted finishes for those waiting on it.
  ignoreFetchAbort: true,
});
let built = 0;

/** How many passes this process has built and signed (tests and the benchmark check a cached fetch never signs). */
export function passesBuilt(): number {
  return built;
}

/** How many passes and bytes the cache holds now (for tests). */
export function passCacheUsage(): { entries: number; bytes: number } {
  return { entries: passes.size, bytes: passes.calculatedSize };
}

/** The pass cached under this key, if it was built already (no database access needed then). */
export function cachedApplePass(cacheKey: string): Promise<Buffer> | undefined {
  const pass = passes.get(cacheKey);
  return pass ? Promise.resolve(pass) : undefined;
}

/** The signed .pkpass of a loaded card, from the cache when its version was built before. */
export async function getApplePass(loaded: LoadedPass, clock: Clock): Promise<Buffer> {
  const pass = await passes.fetch(loaded.cacheKey, {
    context: async () => {
      const certificates = appleCertificates();
      if (!certificates) throw new Error("Apple Wallet is not configured");
      const buffer = await buildPass(loaded.content, certificates, clock.now());
      built += 1;
      return buffer;
    },
  });
  // fetch gives undefined only for a fetchMethod that gave undefined, which a build never does.
  if (!pass) throw new Error(`The pass ${loaded.cacheKey} was not built.`);
  return pass;
}
