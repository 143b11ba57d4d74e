import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";
import { addStamp } from "./add-stamp";
import { redeemStamps } from "./redeem-stamps";

// Row locks only matter with real concurrent connections: PGlite has one
// connection and runs transactions one after the other, so these run on PostgreSQL.
describe.runIf(databaseKind() === "postgresql")("simultaneous changes to one card (PostgreSQL)", () => {
  const database = useTestDatabase();

  function outcomes(results: PromiseSettledResult<unknown>[]) {
    const counts: Record<string, number> = {};
    for (const result of results) {
      const key = result.status === "fulfilled" ? "ok" : result.reason instanceof AppError ? result.reason.code : String(result.reason);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  it("50 simultaneous stamps (cooldown 0, daily limit 5) give exactly 5 stamps and 45 DAILY_LIMIT_REACHED", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { program: { stampsTarget: 100, cooldownMinutes: 0, maxDailyStamps: 5 } });
    const card = await createCard(prisma, setup.merchant, setup.program);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id })),
    );
    expect(outcomes(results)).toEqual({ ok: 5, DAILY_LIMIT_REACHED: 45 });
    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(after).toMatchObject({ stampCount: 5, stampsOnDay: 5, stampsEarned: 5, version: card.version + 5 });
    const entries = await prisma.ledgerEntry.findMany({ where: { cardId: card.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.stampsAfter).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await verifyLedger(prisma)).mismatches).toEqual([]);
  });

  it("20 simultaneous redemptions of one full card give exactly one", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { program: { stampsTarget: 3, cooldownMinutes: 0, maxDailyStamps: 10 } });
    const card = await createCard(prisma, setup.merchant, setup.program);
    for (let i = 0; i < 3; i++) await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => redeemStamps(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id })),
    );
    expect(outcomes(results)).toEqual({ ok: 1, REWARD_NOT_AVAILABLE: 19 });
    expect((await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).stampCount).toBe(0);
    expect((await verifyLedger(prisma)).mismatches).toEqual([]);
  });

  it("the same idempotency key sent 10 times at once stamps once and gives every caller the same answer", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { program: { cooldownMinutes: 0 } });
    const card = await createCard(prisma, setup.merchant, setup.program);
    const idempotency = { key: "double-tap", requestHash: "same" };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id, idempotency }),
      ),
    );
    expect(new Set(results.map((r) => r.result.transactionId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(1);
  });
});
