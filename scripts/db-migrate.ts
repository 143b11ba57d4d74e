// npm run db:migrate: applies pending migrations to the configured database.
import { getConfig } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { runCli } from "./cli";

runCli(async () => {
  const config = getConfig();
  const database = openDatabase(config.database, "npm run db:migrate");
  try {
    const applied = await applyMigrations(database);
    console.log(
      applied.length === 0
        ? `The ${database.kind} database is up to date.`
        : `Applied ${applied.length} migration(s) to the ${database.kind} database:\n${applied.map((name) => `  ${name}`).join("\n")}`,
    );
  } finally {
    await database.close();
  }
});
