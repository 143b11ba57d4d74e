import { createHash, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Pool, PoolConfig } from "pg";
import { parse } from "pg-connection-string";
import { guardPool } from "./guard-pool";

const PG_INTERNAL_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Two fixes to adapter-pg 7.10 for the schema engine, which drives it for
 * migrations and diffs:
 *
 * 1. Introspection reads catalog columns of PostgreSQL's one-byte `"char"`
 *    type (pg_class.relkind, pg_constraint.contype…), which adapter-pg cannot
 *    map ("Column type 'char' could not be deserialized"). pg already decodes
 *    their values as strings, so the column is reported as text.
 * 2. adapter-pg's `executeScript` splits a script on ";" and runs the pieces one
 * by one: a function body with `$$ … ; … $$` breaks, and a failing statement
 * leaves the earlier ones applied. Here the script goes to the server whole,
 * as one simple query, which PostgreSQL runs as one implicit transaction.
 */
function patchForSchemaEngine(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const driver = guardPool((adapter as unknown as { underlyingDriver(): Pool }).underlyingDriver(), "schema engine");
  const query = driver.query.bind(driver) as (...args: unknown[]) => unknown;
  (driver as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (!(result instanceof Promise)) return result;
    return result.then((value: { fields?: { dataTypeID: number }[] }) => {
      for (const field of value?.fields ?? []) {
        if (field.dataTypeID === PG_INTERNAL_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
      return value;
    });
  };
  const mapError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await driver.query(script);
    } catch (error) {
      mapError(error);
    }
  };
  return adapter;
}

/**
 * Driver adapter factory for PostgreSQL, migration-aware. The URL is parsed
 * into fields: a shadow database is reached by overriding `database`, which
 * node-postgres would ignore next to a connectionString (the "shadow" would
 * then be the real database).
 */
export class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly inner: PrismaPg;

  constructor(private readonly config: PoolConfig) {
    this.inner = new PrismaPg(config);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return patchForSchemaEngine(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = patchForSchemaEngine(await new PrismaPg({ ...this.config, database, max: 2 }).connect());
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

/**
 * The app's adapter, on a pool the caller owns (and also uses for plain
 * queries). Every statement is a named prepared statement, named by a digest
 * of its SQL, so PostgreSQL plans it once per connection instead of on every
 * call: planning the stamp path's statements cost more than running them. The
 * schema engine gets its own factory above, without this: it changes the
 * schema under its connections, which would invalidate cached plans.
 */
export function createAppPostgresAdapter(pool: Pool): PrismaPg {
  return new PrismaPg(pool, { statementNameGenerator: (query) => `q_${createHash("sha1").update(query.sql).digest("base64url")}` });
}

/**
 * Pool settings. `limits` (the serving process only, lib/db/index.ts) bound a
 * request's waits: `acquireTimeoutMs` for a free connection (pg-pool's
 * connectionTimeoutMillis: with every connection busy, new requests fail fast
 * with 503 instead of queueing without bound) and `statementTimeoutMs`
 * (PostgreSQL's statement_timeout, which also bounds lock waits; 0 means
 * none). An idle transaction is ended by the server after a while too, so a
 * stuck request cannot hold a row lock for long. Scripts (migrations,
 * ledger:verify) keep no statement limit and wait 5 s for a connection.
 */
export function postgresPoolConfig(
  url: string,
  poolSize: number,
  limits: { acquireTimeoutMs?: number; statementTimeoutMs?: number } = {},
): PoolConfig {
  const parsed = parse(url);
  const statementTimeout = limits.statementTimeoutMs ?? 0;
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user,
    password: parsed.password,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl as PoolConfig["ssl"],
    application_name: parsed.application_name ?? "loyalty",
    max: poolSize,
    connectionTimeoutMillis: limits.acquireTimeoutMs ?? 5_000,
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout, idle_in_transaction_session_timeout: statementTimeout * 2 } : {}),
  };
}
