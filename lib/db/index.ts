import "server-only";
import { getConfig } from "@/lib/config";
import type { PrismaClient } from "./generated/client";
import { openDatabase, type Database } from "./open-database";

const globalForDb = globalThis as { __loyaltyDatabase?: Database };

/**
 * The database of this process: one Prisma client, opened on first use and
 * cached on globalThis (Next may load this module more than once). PostgreSQL
 * when DATABASE_URL is set, else the embedded PGlite database under the data
 * directory. Same schema, migrations and code either way.
 */
export function getDatabase(): Database {
  if (!globalForDb.__loyaltyDatabase) {
    const { database, serving } = getConfig();
    // The serving process's requests wait a bounded time for a connection and for each statement (see postgresPoolConfig).
    const settings =
      database.kind === "postgresql"
        ? { ...database, acquireTimeoutMs: serving.dbAcquireTimeoutMs, statementTimeoutMs: serving.dbStatementTimeoutMs }
        : database;
    globalForDb.__loyaltyDatabase = openDatabase(settings, processPurpose());
  }
  return globalForDb.__loyaltyDatabase;
}

/** Replaces the process database (tests open a fresh database per file). */
export function setDatabase(database: Database | undefined): void {
  globalForDb.__loyaltyDatabase = database;
}

/** Closes the process database if it was opened. */
export async function closeDatabase(): Promise<void> {
  const database = globalForDb.__loyaltyDatabase;
  globalForDb.__loyaltyDatabase = undefined;
  await database?.close();
}

/** Who holds the embedded database, as a second process is told: "next-server (v16…)" or the script run. */
function processPurpose(): string {
  if (process.title && process.title !== "node") return process.title;
  return ["node", ...process.argv.slice(1, 3).map((arg) => arg.split("/").slice(-2).join("/"))].join(" ");
}

/**
 * The Prisma client of this process. A proxy so modules can `import { db }`
 * at load time while the database opens lazily on the first query.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDatabase().prisma;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type { Database, DatabaseKind } from "./open-database";
