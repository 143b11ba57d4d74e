import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup } from "@/test/factories";
import { authorizeStaff } from "./staff-pin";

const ROUNDS = 25;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe("Secrets stay secret: staff PIN timing", () => {
  const database = useTestDatabase();
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma, { staff: [{ pin: "4821" }] });
  });

  /** One wrong PIN, timed; each from its own client so no lockout or rate limit ends the series early. */
  async function wrongPin(staffId: string): Promise<{ ms: number; code: string }> {
    const started = performance.now();
    const outcome = await authorizeStaff(setup.ctx, {
      storeId: setup.store.id,
      staffId,
      pin: "0000",
      clientKey: `timing:${randomUUID()}`,
      required: true,
    }).catch((error: unknown) => error);
    const ms = performance.now() - started;
    // The known member's failure count is put back, untimed, so the member never locks.
    await database().prisma.staffMember.update({ where: { id: setup.staff[0]!.id }, data: { failedAttempts: 0, lockedUntil: null } });
    return { ms, code: isAppError(outcome) ? outcome.code : "none" };
  }

  it("a wrong PIN for an unknown and for a known staff member take the same time within 10%", async () => {
    const known = setup.staff[0]!.id;
    expect((await wrongPin(known)).code).toBe("PIN_INVALID");
    expect((await wrongPin(randomUUID())).code).toBe("NOT_FOUND");
    // Medians of interleaved series, so load from other processes falls on both alike; a busy
    // machine gets three tries at the comparison before it counts as a difference.
    let ratio = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const knownTimes: number[] = [];
      const unknownTimes: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        knownTimes.push((await wrongPin(known)).ms);
        unknownTimes.push((await wrongPin(randomUUID())).ms);
      }
      ratio = median(unknownTimes) / median(knownTimes);
      if (Math.abs(ratio - 1) <= 0.1) break;
    }
    expect(ratio).toBeGreaterThanOrEqual(0.9);
    expect(ratio).toBeLessThanOrEqual(1.1);
  });
});
