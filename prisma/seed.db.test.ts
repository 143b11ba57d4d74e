import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open-database";
import { createPostgresDatabase, testDatabaseKind } from "@/test/test-databases";

/** Runs `npm run db:seed` (its script) against a fresh database of the kind under test. */
function runSeed(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "prisma/seed.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe(`npm run db:seed on ${testDatabaseKind()}`, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-seed-"));
  const postgres = testDatabaseKind() === "postgresql" ? await createPostgresDatabase(undefined, 2) : undefined;
  // The embedded database lives in the data directory; PostgreSQL in its own fresh database.
  const env: Record<string, string> = { LOYALTY_DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
  const open = () =>
    postgres
      ? openDatabase({ kind: "postgresql", url: postgres.url, poolSize: 2 }, "test")
      : openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") }, "test");

  afterAll(async () => {
    await postgres?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let first: Record<string, unknown>;

  it("--json migrates an empty database, seeds it and prints one JSON object and nothing else on stdout", async () => {
    const result = await runSeed(["--json"], env);
    expect(result.code, result.stderr).toBe(0);
    first = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(first).sort()).toEqual([
      "adminEmail",
      "adminPassword",
      "apiKey",
      "merchantId",
      "ownerEmail",
      "ownerPassword",
      "staff",
      "stores",
    ]);
    expect(first).toMatchObject({
      ownerEmail: "owner@demo.loyalty.test",
      ownerPassword: expect.stringMatching(/^demo-/),
      adminEmail: "admin@demo.loyalty.test",
      adminPassword: expect.stringMatching(/^admin-/),
      apiKey: expect.stringMatching(/^lk_/),
    });
    expect(first.stores).toEqual([
      { id: expect.any(String), code: "LUMGARE", name: "Café Lumière – Gare" },
      { id: expect.any(String), code: "LUMKIRB", name: "Café Lumière – Kirchberg" },
    ]);
    expect(first.staff).toHaveLength(3);
    for (const member of first.staff as { id: string; name: string; pin: string }[]) {
      expect(Object.keys(member).sort()).toEqual(["id", "name", "pin"]);
      expect(member.pin).toMatch(/^\d{4}$/);
    }
  });

  it("wrote a realistic, consistent demo: balances equal the sum of the ledger", async () => {
    const database = open();
    try {
      const { prisma } = database;
      expect(await prisma.merchant.count()).toBe(1);
      expect(await prisma.card.count()).toBe(50);
      expect(await prisma.staffMember.count({ where: { active: true } })).toBe(3);
      const entries = await prisma.ledgerEntry.count();
      expect(entries).toBeGreaterThan(400);
      const mismatches = await prisma.$queryRawUnsafe<{ id: string }[]>(`
        SELECT c.id FROM cards c
        LEFT JOIN ledger_entries l ON l.card_id = c.id
        GROUP BY c.id, c.stamp_count, c.points_balance
        HAVING c.stamp_count <> COALESCE(SUM(l.stamps_delta), 0) OR c.points_balance <> COALESCE(SUM(l.points_delta), 0)`);
      expect(mismatches).toEqual([]);
      const days = await prisma.$queryRawUnsafe<{ days: number }[]>(
        "SELECT (EXTRACT(EPOCH FROM MAX(created_at) - MIN(created_at)) / 86400)::int AS days FROM ledger_entries",
      );
      expect(days[0]!.days).toBeGreaterThanOrEqual(59);
      const perStaff = await prisma.ledgerEntry.groupBy({ by: ["staffMemberId"], _count: true });
      expect(perStaff).toHaveLength(3);
      const perStore = await prisma.ledgerEntry.groupBy({ by: ["storeId"], _count: true });
      expect(perStore).toHaveLength(2);
    } finally {
      await database.close();
    }
  });

  it("changes nothing when run again, and prints the same credentials", async () => {
    const database = open();
    const before = await Promise.all([
      database.prisma.merchant.count(),
      database.prisma.card.count(),
      database.prisma.ledgerEntry.count(),
      database.prisma.customer.count(),
    ]);
    await database.close();

    const again = await runSeed(["--json"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(first);

    const human = await runSeed([], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("is already there");
    expect(human.stdout).toContain("/join/LUMGARE");
    expect(human.stdout).toContain(String(first.ownerPassword));
    expect(human.stdout).toContain(String(first.adminPassword));

    const reopened = open();
    const after = await Promise.all([
      reopened.prisma.merchant.count(),
      reopened.prisma.card.count(),
      reopened.prisma.ledgerEntry.count(),
      reopened.prisma.customer.count(),
    ]);
    await reopened.close();
    expect(after).toEqual(before);
  });
});
