import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase, openPglite, type Database, type DatabaseKind } from "@/lib/db/open-database";
import { databaseUrl } from "./postgres-cluster";

/**
 * Fresh, empty or migrated databases of either kind for tests. PostgreSQL
 * tests need TEST_DATABASE_URL (a server where the test user may create
 * databases); `npm test` starts a throwaway server and sets it.
 */

export function testDatabaseKind(): DatabaseKind {
  const kind = process.env.TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgresql") throw new Error(`TEST_DB must be pglite or postgresql, not ${kind}`);
  return kind;
}

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: PostgreSQL tests need a server (npm test starts one)");
  return url;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new PostgreSQL database, optionally copied from a template; dropped by `close()`. */
export async function createPostgresDatabase(template?: string, poolSize = 20): Promise<Database & { url: string }> {
  const name = `loyalty_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  const url = databaseUrl(testServerUrl(), name);
  const database = openDatabase({ kind: "postgresql", url, poolSize }, "tests");
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** An empty database of the kind under test. */
export async function createEmptyDatabase(kind = testDatabaseKind()): Promise<Database> {
  if (kind === "pglite") return openPglite(await PGlite.create());
  return createPostgresDatabase();
}

/** A migrated PGlite database, from a dump of a migrated one when given (much faster than migrating). */
export async function createMigratedPglite(dumpFile?: string): Promise<Database> {
  if (dumpFile) {
    const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(dumpFile)]) });
    return openPglite(client);
  }
  const database = openPglite(await PGlite.create());
  await applyMigrations(database);
  return database;
}
