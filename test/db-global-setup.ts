import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase, openPglite } from "@/lib/db/open-database";
import { databaseUrl } from "./postgres-cluster";
import { testDatabaseKind, testServerUrl } from "./test-databases";
import pg from "pg";

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "pglite" | "postgresql";
    pgliteDump: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates one database before the database tests run; each test file then
 * starts from a copy of it: a PGlite data-directory dump, or a PostgreSQL
 * template database.
 */
export default async function setup(project: TestProject) {
  const kind = testDatabaseKind();
  project.provide("databaseKind", kind);
  if (kind === "pglite") {
    const client = await PGlite.create();
    const database = openPglite(client);
    await applyMigrations(database);
    const dump = await client.dumpDataDir("none");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-pglite-")), "migrated.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide("pgliteDump", file);
    project.provide("postgresTemplate", "");
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  const template = `loyalty_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  const database = openDatabase({ kind: "postgresql", url: databaseUrl(testServerUrl(), template), poolSize: 2 }, "tests");
  try {
    await applyMigrations(database);
  } finally {
    await database.close();
  }
  project.provide("pgliteDump", "");
  project.provide("postgresTemplate", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}
