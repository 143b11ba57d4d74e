import type { Database } from "./open-database";

/**
 * A database's rows as JSON, table by table in foreign-key order: what moves an embedded (PGlite)
 * database to PostgreSQL, or back. The target is migrated to the same migrations first, so only
 * rows travel; each value goes through PostgreSQL's own JSON conversion both ways
 * (row_to_json, json_populate_recordset), so timestamps, enums, JSON, arrays and bytes survive.
 */
export type PortableData = {
  format: "loyalty-data/1";
  exportedAt: string;
  migrations: string[];
  tables: { name: string; rows: unknown[] }[];
};

const SKIPPED = new Set(["_prisma_migrations"]);
const CHUNK = 500;

async function migrationsOf(database: Database): Promise<string[]> {
  const { rows } = await database.query<{ name: string }>(
    "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
  );
  return rows.map((row) => row.name);
}

/** The public tables, each after the tables its foreign keys point to. */
async function tablesInOrder(database: Database): Promise<string[]> {
  const { rows: tables } = await database.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const { rows: edges } = await database.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const names = tables.map((table) => table.name).filter((name) => !SKIPPED.has(name));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const edge of edges) if (edge.child === name) visit(edge.parent);
    visiting.delete(name);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered.filter((name) => names.includes(name));
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

export async function exportData(database: Database, now = new Date()): Promise<PortableData> {
  const tables: PortableData["tables"] = [];
  for (const name of await tablesInOrder(database)) {
    const { rows } = await database.query<{ row: unknown }>(`SELECT row_to_json(t) AS row FROM ${quote(name)} t`);
    tables.push({ name, rows: rows.map((row) => (typeof row.row === "string" ? (JSON.parse(row.row) as unknown) : row.row)) });
  }
  return { format: "loyalty-data/1", exportedAt: now.toISOString(), migrations: await migrationsOf(database), tables };
}

/** Loads exported rows into a migrated, empty database of the same migrations. */
export async function importData(database: Database, data: PortableData): Promise<{ tables: number; rows: number }> {
  if (data.format !== "loyalty-data/1") throw new Error(`Unknown export format: ${String(data.format)}`);
  const migrations = await migrationsOf(database);
  if (migrations.join("\n") !== data.migrations.join("\n")) {
    throw new Error(
      `The target database has ${migrations.length} migration(s), the export ${data.migrations.length}: ` +
        "run `npm run db:migrate` on both with the same version of the app first.",
    );
  }
  for (const table of data.tables) {
    const { rows } = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${quote(table.name)}`);
    if (table.rows.length > 0 && rows[0]!.count > 0)
      throw new Error(`The target table ${table.name} is not empty: import into a new database.`);
  }
  let total = 0;
  for (const table of data.tables) {
    const { rows: columns } = await database.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table.name],
    );
    const list = columns.map((column) => quote(column.name)).join(", ");
    for (let start = 0; start < table.rows.length; start += CHUNK) {
      const chunk = table.rows.slice(start, start + CHUNK);
      await database.query(
        `INSERT INTO ${quote(table.name)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quote(table.name)}, $1::json)`,
        [JSON.stringify(chunk)],
      );
      total += chunk.length;
    }
  }
  // Serial columns continue after the imported rows.
  const { rows: sequences } = await database.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.table_name AS table, c.column_name AS column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS sequence
     FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.column_default LIKE 'nextval(%'`,
  );
  for (const { table, column, sequence } of sequences) {
    if (!sequence) continue;
    await database.query(`SELECT setval($1, COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [sequence]);
  }
  return { tables: data.tables.length, rows: total };
}
