import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyDatabase, testDatabaseKind } from "@/test/test-databases";
import type { Database } from "../open-database";
import { applyMigrations } from "./apply-migrations";
import { diffDatabaseToSchema, diffMigrationsToSchema } from "./diff-schema";
import { MIGRATIONS_DIR, readMigrationsFolder } from "./migrations-folder";
import { resetDatabase } from "./reset-database";

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe(`migrations on ${testDatabaseKind()}`, () => {
  it("apply to an empty database, leaving no difference from schema.prisma", async () => {
    database = await createEmptyDatabase();
    const expected = readMigrationsFolder().migrationDirectories.map((dir) => dir.path);
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(database)).toEqual(expected);
    expect(await diffDatabaseToSchema(database)).toBe("");

    // Recorded the way Prisma records them, so `prisma migrate deploy` agrees.
    const rows = await database.prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]
    >("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((row) => row.migration_name)).toEqual(expected);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }

    // A second run has nothing to do.
    expect(await applyMigrations(database)).toEqual([]);
  });

  it("match schema.prisma: no migration is missing from the folder", async () => {
    database = await createEmptyDatabase();
    expect(await diffMigrationsToSchema(database)).toBe("");
  });

  it("generate the next migration from the difference between the folder and the schema", async () => {
    database = await createEmptyDatabase();
    // A copy of the folder without its first migration: the diff must be that migration's tables.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-migrations-"));
    fs.copyFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    try {
      const sql = await diffMigrationsToSchema(database, dir);
      expect(sql).toContain('CREATE TABLE "ledger_entries"');
      expect(sql).toContain('CREATE UNIQUE INDEX "cards_qr_payload_key"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reset to an empty database and apply again", async () => {
    database = await createEmptyDatabase();
    await applyMigrations(database);
    await database.prisma.merchant.create({ data: { name: "To be erased" } });
    await resetDatabase(database);
    const tables = await database.prisma.$queryRawUnsafe<{ count: bigint }[]>(
      "SELECT count(*) AS count FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(Number(tables[0]!.count)).toBe(0);
    expect((await applyMigrations(database)).length).toBe(readMigrationsFolder().migrationDirectories.length);
    expect(await database.prisma.merchant.count()).toBe(0);
    expect(await diffDatabaseToSchema(database)).toBe("");
  });

  it("report a failing migration instead of recording it as applied", async () => {
    database = await createEmptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-migrations-"));
    fs.copyFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    fs.mkdirSync(path.join(dir, "20200101000000_ok"));
    fs.writeFileSync(path.join(dir, "20200101000000_ok", "migration.sql"), 'CREATE TABLE "probe" ("id" INTEGER);\n');
    fs.mkdirSync(path.join(dir, "20200101000001_broken"));
    fs.writeFileSync(path.join(dir, "20200101000001_broken", "migration.sql"), 'ALTER TABLE "missing" ADD COLUMN "x" INT;\n');
    try {
      await expect(applyMigrations(database, dir)).rejects.toThrow(/missing/);
      const rows = await database.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
        "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.map((row) => [row.migration_name, row.finished_at !== null])).toEqual([
        ["20200101000000_ok", true],
        ["20200101000001_broken", false],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
