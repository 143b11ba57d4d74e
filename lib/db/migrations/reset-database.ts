import type { Database } from "../open-database";
import { readSchemaFiles } from "./migrations-folder";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";

/** Drops everything in the database (schema and data). Callers apply the migrations again after. */
export async function resetDatabase(database: Database): Promise<void> {
  await withSchemaEngine(database.adapterFactory, readSchemaFiles(), "reset the database", (engine) =>
    engine.reset({ filter: NO_FILTERS }),
  );
}
