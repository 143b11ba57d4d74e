import { afterAll, beforeAll, inject } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { createMigratedPglite, createPostgresDatabase } from "./test-databases";

/**
 * Gives the test file a fresh migrated database of the kind under test and
 * installs it as the process database, so services under test use it.
 *
 *   const database = useTestDatabase();
 *   it("…", async () => { await database().prisma.card.count(); });
 */
export function useTestDatabase(): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database =
      inject("databaseKind") === "pglite"
        ? await createMigratedPglite(inject("pgliteDump"))
        : await createPostgresDatabase(inject("postgresTemplate"));
    setDatabase(database);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("the test database is opened in beforeAll");
    return database;
  };
}

/** The kind of database this run tests. */
export function databaseKind(): "pglite" | "postgresql" {
  return inject("databaseKind");
}
