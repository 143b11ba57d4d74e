import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { earnPoints } from "@/lib/cards/earn-points";
import { setDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openPglite, type Database } from "@/lib/db/open-database";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { createCard, createMerchantSetup } from "@/test/factories";
import { createPostgresDatabase } from "@/test/test-databases";
import { backupEmbedded, restoreEmbedded } from "./backup-embedded";
import { acquirePgliteLock, DatabaseInUseError } from "./pglite-lock";
import { exportData, importData, type PortableData } from "./portable-data";

type Balance = { cardNumber: string; stampCount: number; pointsBalance: number; stampsEarned: number; pointsEarned: number };

async function balances(database: Database): Promise<Balance[]> {
  const cards = await database.prisma.card.findMany({
    select: { cardNumber: true, stampCount: true, pointsBalance: true, stampsEarned: true, pointsEarned: true },
    orderBy: { cardNumber: "asc" },
  });
  return cards;
}

/** An embedded database with two merchants' cards, stamps and points, written through the services. */
async function embeddedWithActivity(database: Database): Promise<void> {
  setDatabase(database);
  try {
    let now = new Date("2025-03-01T09:00:00Z").getTime();
    const clock = { now: () => new Date(now) };
    const stamps = await createMerchantSetup(database.prisma);
    const points = await createMerchantSetup(database.prisma, { program: { type: "points", pointsPerEuro: 2 } });
    for (let i = 0; i < 6; i++) {
      const card = await createCard(database.prisma, stamps.merchant, stamps.program, { email: `stamp${i}@example.com` });
      for (let s = 0; s <= i; s++) {
        await addStamp({ ...stamps.ctx, clock }, { card: { cardNumber: card.cardNumber }, storeId: stamps.store.id });
        now += 26 * 3_600_000; // past the cooldown and into the next day
      }
      const pointsCard = await createCard(database.prisma, points.merchant, points.program);
      await earnPoints(
        { ...points.ctx, clock },
        { card: { cardNumber: pointsCard.cardNumber }, storeId: points.store.id, purchaseAmountCents: 1250 * (i + 1) },
      );
    }
  } finally {
    setDatabase(undefined);
  }
}

// Portability: an embedded database moves to PostgreSQL with every balance and a clean ledger.
describe.runIf(process.env.TEST_DATABASE_URL)("Portability", () => {
  const opened: Database[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an embedded database exported and imported into PostgreSQL keeps every balance and passes ledger:verify", async () => {
    const embedded = openPglite(await PGlite.create());
    opened.push(embedded);
    await applyMigrations(embedded);
    await embeddedWithActivity(embedded);
    const before = await balances(embedded);
    expect(before.filter((card) => card.stampCount > 0 || card.pointsBalance > 0).length).toBe(12);

    // Through a file, as the commands do.
    const data = JSON.parse(JSON.stringify(await exportData(embedded))) as PortableData;
    const postgres = await createPostgresDatabase();
    opened.push(postgres);
    await applyMigrations(postgres);
    const imported = await importData(postgres, data);
    expect(imported.rows).toBeGreaterThan(40);

    expect(await balances(postgres)).toEqual(before);
    const ledger = await verifyLedger(postgres.prisma);
    expect(ledger.mismatches).toEqual([]);
    expect(ledger.entries).toBe((await verifyLedger(embedded.prisma)).entries);
    expect(await postgres.prisma.customer.count({ where: { email: "stamp3@example.com" } })).toBe(1);

    // A second import into the same database is refused, not doubled.
    await expect(importData(postgres, data)).rejects.toThrow(/not empty/);
  });

  it("db:backup and db:restore copy the embedded data directory, and refuse while it is open", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-backup-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "pglite");
    const release = acquirePgliteLock(dataDir, "the test's app");
    const live = openPglite(await PGlite.create(dataDir), release);
    await applyMigrations(live);
    await embeddedWithActivity(live);
    const before = await balances(live);
    await expect(backupEmbedded(dataDir, path.join(dir, "x.tar.gz"))).rejects.toBeInstanceOf(DatabaseInUseError);
    await live.close();

    const file = path.join(dir, "backup.tar.gz");
    expect((await backupEmbedded(dataDir, file)).bytes).toBeGreaterThan(1000);
    // Changes after the backup are undone by the restore; the replaced data is kept aside.
    const changed = openPglite(await PGlite.create(dataDir));
    await changed.prisma.card.updateMany({ data: { stampCount: 0 } });
    await changed.close();
    const { previous } = await restoreEmbedded(file, dataDir);
    expect(previous && fs.existsSync(previous)).toBeTruthy();

    const restored = openPglite(await PGlite.create(dataDir));
    opened.push(restored);
    expect(await balances(restored)).toEqual(before);
    expect((await verifyLedger(restored.prisma)).mismatches).toEqual([]);
  });
});
