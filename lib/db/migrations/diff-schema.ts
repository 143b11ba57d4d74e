import type { Database } from "../open-database";
import { readMigrationsFolder, readSchemaFiles } from "./migrations-folder";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";

const EMPTY_MIGRATION = /^\s*(--\s*This is an empty migration\.\s*)?$/;

/** SQL the diff produced, or "" when there is nothing to do. */
function nonEmpty(stdout: string | null): string {
  return stdout && !EMPTY_MIGRATION.test(stdout) ? stdout : "";
}

/**
 * The SQL that would take the migrations folder (replayed on a shadow
 * database) to schema.prisma: the next migration, or "" if none is needed.
 */
export async function diffMigrationsToSchema(database: Database, migrationsDir?: string): Promise<string> {
  const schemaFiles = readSchemaFiles();
  const migrations = readMigrationsFolder(migrationsDir);
  return withSchemaEngine(database.adapterFactory, schemaFiles, "compare the migrations with the schema", async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: schemaFiles },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return nonEmpty(stdout);
  });
}

/** The SQL that would take the live database to schema.prisma, or "" when they agree. */
export async function diffDatabaseToSchema(database: Database): Promise<string> {
  const schemaFiles = readSchemaFiles();
  return withSchemaEngine(database.adapterFactory, schemaFiles, "compare the database with the schema", async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files: schemaFiles, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: schemaFiles },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return nonEmpty(stdout);
  });
}
