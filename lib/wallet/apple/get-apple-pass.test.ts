import { describe, expect, it, vi } from "vitest";
import type { Clock } from "@/lib/clock";
import { cachedApplePass, getApplePass, PASS_CACHE_BYTES, passCacheUsage, passesBuilt } from "./get-apple-pass";
import type { PassContent } from "./build-pass";
import type { LoadedPass } from "./load-pass-content";

// Each pass built here weighs 1 MB, so a few dozen fill the cache's budget without signing anything.
const PASS_BYTES = 1024 * 1024;
const build = vi.hoisted(() => ({ failNext: false, configured: true }));
vi.mock("./apple-certificates", () => ({ appleCertificates: () => (build.configured ? { passTypeId: "pass.test" } : null) }));
vi.mock("./build-pass", () => ({
  buildPass: async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (build.failNext) {
      build.failNext = false;
      throw new Error("signing failed");
    }
    return Buffer.alloc(PASS_BYTES);
  },
}));

const clock: Clock = { now: () => new Date("2026-11-21T10:00:00Z") };
const loaded = (cacheKey: string): LoadedPass => ({
  cardId: cacheKey,
  cardVersion: 1,
  modifiedAt: clock.now(),
  cacheKey,
  authToken: "token",
  // The mocked buildPass reads nothing of it.
  content: {} as PassContent,
});

describe("built Apple passes' cache", () => {
  it("builds a pass version once for every request asking at the same time, then serves it without building", async () => {
    const before = passesBuilt();
    const passes = await Promise.all(Array.from({ length: 5 }, () => getApplePass(loaded("card-a:1"), clock)));
    expect(passes.every((pass) => pass === passes[0])).toBe(true);
    expect(passesBuilt()).toBe(before + 1);
    expect(await cachedApplePass("card-a:1")).toBe(passes[0]);
    expect(cachedApplePass("card-a:2")).toBeUndefined();
  });

  it("stays within its byte budget, dropping the least recently used passes first", async () => {
    for (let n = 0; n < 40; n++) await getApplePass(loaded(`card-${n}:1`), clock);
    const usage = passCacheUsage();
    expect(usage.bytes).toBeLessThanOrEqual(PASS_CACHE_BYTES);
    expect(usage.entries).toBe(PASS_CACHE_BYTES / PASS_BYTES);
    expect(cachedApplePass("card-39:1")).toBeDefined();
    expect(cachedApplePass("card-0:1")).toBeUndefined();
    const before = passesBuilt();
    await getApplePass(loaded("card-0:1"), clock);
    expect(passesBuilt()).toBe(before + 1);
  });

  it("does not keep a failed build, and refuses to build without certificates", async () => {
    build.failNext = true;
    await expect(getApplePass(loaded("card-fails:1"), clock)).rejects.toThrow("signing failed");
    expect(cachedApplePass("card-fails:1")).toBeUndefined();
    expect(await getApplePass(loaded("card-fails:1"), clock)).toHaveLength(PASS_BYTES);

    build.configured = false;
    await expect(getApplePass(loaded("card-unconfigured:1"), clock)).rejects.toThrow("Apple Wallet is not configured");
    // A pass built before is still served.
    expect(await getApplePass(loaded("card-fails:1"), clock)).toHaveLength(PASS_BYTES);
    build.configured = true;
  });
});
