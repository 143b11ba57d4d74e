// npm run db:reset: drops and recreates a development database, then applies
// every migration. Refuses outside development unless --force is given.
import { getConfig } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { resetDatabase } from "@/lib/db/migrations/reset-database";
import { openDatabase } from "@/lib/db/open-database";
import { runCli } from "./cli";

runCli(async () => {
  const config = getConfig();
  if (config.nodeEnv === "production" && !process.argv.includes("--force")) {
    console.error("Refusing to reset: NODE_ENV is production. Add --force if you really mean to erase this database.");
    process.exitCode = 1;
    return;
  }
  const database = openDatabase(config.database, "npm run db:reset");
  try {
    await resetDatabase(database);
    const applied = await applyMigrations(database);
    console.log(`Reset the ${database.kind} database and applied ${applied.length} migration(s).`);
  } finally {
    await database.close();
  }
});
