import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";
import { createPostgresDatabase } from "@/test/test-databases";
import { verifyLedger } from "./verify-ledger";

describe("verifyLedger", () => {
  const database = useTestDatabase();

  it("is clean when every balance is the sum of its ledger, and names each card that is not", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { program: { cooldownMinutes: 0 } });
    const card = await createCard(prisma, setup.merchant, setup.program);
    for (let i = 0; i < 3; i++) await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
    expect((await verifyLedger(prisma)).mismatches).toEqual([]);

    // Someone edits a balance behind the ledger's back (cards are mutable; the ledger is not).
    await prisma.card.update({ where: { id: card.id }, data: { stampCount: 7 } });
    const { mismatches } = await verifyLedger(prisma);
    expect(mismatches).toEqual([
      expect.objectContaining({
        cardNumber: card.cardNumber,
        problem: "balance",
        detail: "card holds 7 stamps / 0 points, ledger sums to 3 / 0",
      }),
    ]);
    await prisma.card.update({ where: { id: card.id }, data: { stampCount: 3 } });
  });

  it("finds an entry whose balances after do not follow from the previous one", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const card = await createCard(prisma, setup.merchant, setup.program);
    await prisma.ledgerEntry.create({
      data: {
        merchantId: setup.merchant.id,
        cardId: card.id,
        type: "manual_adjustment",
        stampsDelta: 2,
        stampsAfter: 5,
        pointsAfter: 0,
        reason: "bad row",
      },
    });
    await prisma.card.update({ where: { id: card.id }, data: { stampCount: 2 } });
    const { mismatches } = await verifyLedger(prisma);
    expect(mismatches.filter((m) => m.cardId === card.id)).toEqual([expect.objectContaining({ problem: "chain" })]);
  });
});

// The command itself, on a database of its own (PostgreSQL: the embedded one is covered by the function above).
describe.runIf(databaseKind() === "postgresql")("npm run ledger:verify", () => {
  it("exits 0 on a clean ledger and 1 with each mismatch printed", async () => {
    const db = await createPostgresDatabase(undefined, 2);
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/ledger-verify.ts"], {
          env: { ...process.env, DATABASE_URL: db.url },
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("exit", (code) => resolve({ code, out }));
      });
    try {
      const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
      await applyMigrations(db);
      const setup = await createMerchantSetup(db.prisma);
      const card = await createCard(db.prisma, setup.merchant, setup.program);
      const clean = await run();
      expect(clean.code).toBe(0);
      expect(clean.out).toContain("Ledger verified: 1 cards, 0 entries");
      await db.prisma.card.update({ where: { id: card.id }, data: { pointsBalance: 40 } });
      const broken = await run();
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`MISMATCH card ${card.cardNumber}`);
      expect(broken.out).toContain("Ledger verification FAILED: 1 mismatch(es)");
    } finally {
      await db.close();
    }
  });
});
