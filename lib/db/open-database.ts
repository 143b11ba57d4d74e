import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseSettings } from "@/lib/config/parse-env";
import { PrismaClient } from "./generated/client";
import { PgliteAdapterFactory } from "./pglite-adapter";
import { acquirePgliteLock } from "./pglite-lock";
import pg from "pg";
import { guardPool } from "./guard-pool";
import { PostgresAdapterFactory, createAppPostgresAdapter, postgresPoolConfig } from "./postgres-adapter";

export type DatabaseKind = "pglite" | "postgresql";

export type QueryResult<Row> = { rows: Row[]; rowCount: number };

/**
 * An open database: the Prisma client; a plain parameterized query on the
 * same connections, for libraries that speak pg's interface (rate limits);
 * and the adapter factory the schema engine drives for migrations.
 */
export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<Row>>;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
};

/**
 * Opens the database the settings name. For the embedded database the lock
 * is taken before PGlite touches the data directory, and `purpose` says who
 * holds it (shown to a second process that is refused).
 */
export function openDatabase(settings: DatabaseSettings, purpose: string): Database {
  if (settings.kind === "postgresql") {
    const config = postgresPoolConfig(settings.url, settings.poolSize, settings);
    const pool = guardPool(new pg.Pool(config), purpose);
    const prisma = new PrismaClient({ adapter: createAppPostgresAdapter(pool) });
    // The schema engine runs migrations: no request limits on its connections.
    const adapterFactory = new PostgresAdapterFactory(postgresPoolConfig(settings.url, 2));
    return {
      kind: "postgresql",
      prisma,
      query: async <Row>(text: string, values: unknown[] = []) => {
        const result = await pool.query(text, values);
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
      },
      adapterFactory,
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const release = acquirePgliteLock(settings.dataDir, purpose);
  try {
    return openPglite(new PGlite(settings.dataDir), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an already created PGlite instance (a data directory, or in memory for tests). */
export function openPglite(client: PGlite, onClose: () => void = () => {}): Database {
  const adapterFactory = new PgliteAdapterFactory(client);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  let closed = false;
  return {
    kind: "pglite",
    prisma,
    query: async <Row>(text: string, values: unknown[] = []) => {
      const result = await client.query<Row>(text, values);
      // PGlite reports affectedRows 0 for a SELECT: its rows are the count then, as node-postgres's rowCount is.
      return { rows: result.rows, rowCount: Math.max(result.rows.length, result.affectedRows ?? 0) };
    },
    adapterFactory,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await prisma.$disconnect();
        await client.close();
      } finally {
        onClose();
      }
    },
  };
}
