import type { Database } from "../open-database";
import { readMigrationsFolder, readSchemaFiles } from "./migrations-folder";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";

/**
 * Applies the pending migrations of prisma/migrations, recording them in
 * Prisma's `_prisma_migrations` table (so `prisma migrate deploy` agrees).
 * Returns the names applied, empty when the database was up to date.
 */
export async function applyMigrations(database: Database, migrationsDir?: string): Promise<string[]> {
  const migrationsList = readMigrationsFolder(migrationsDir);
  return withSchemaEngine(database.adapterFactory, readSchemaFiles(), "apply migrations", async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}
