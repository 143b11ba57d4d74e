// Run by `npm start` (scripts/start.ts) in a process of its own before the server starts: applies pending
// migrations and loads the demo into an empty database. Apart from start.ts because that process stays alive as
// the server's parent for the whole run, and the embedded database (PGlite) would keep a few hundred MB there.
import { getConfig } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { formatDemoSummary } from "@/lib/demo/format-demo-summary";
import { seedDemo } from "@/lib/demo/seed-demo";
import { runCli } from "./cli";

runCli(async () => {
  const config = getConfig();
  // Closed again before the server opens it (the embedded database takes one process at a time).
  const database = openDatabase(config.database, "npm start (migrations)");
  try {
    const applied = await applyMigrations(database);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to the ${database.kind} database.`);
    if (config.seedDemo && (await database.prisma.merchant.count()) === 0) {
      console.log("The database is empty: loading the demo data…");
      const seed = await seedDemo(database.prisma, config.secrets.secretKey, new Date());
      console.log(formatDemoSummary(seed, config.publicUrl));
    }
  } finally {
    await database.close();
  }
});
