// npm run db:seed [-- --json]: creates the demo merchant (a café with two
// stores, a 10-stamp program, three staff with PINs, fifty customers with
// sixty days of history) unless it exists, applying pending migrations first.
// --json prints one JSON object on stdout and nothing else.
import { getConfig } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { demoSeedJson, formatDemoSummary } from "@/lib/demo/format-demo-summary";
import { seedDemo } from "@/lib/demo/seed-demo";
import { runCli } from "@/scripts/cli";

runCli(async () => {
  const json = process.argv.includes("--json");
  // In JSON mode stdout carries the object alone: anything else goes to stderr.
  const say = json ? (text: string) => console.error(text) : (text: string) => console.log(text);
  const config = getConfig();
  const database = openDatabase(config.database, "npm run db:seed");
  try {
    const applied = await applyMigrations(database);
    if (applied.length > 0) say(`Applied ${applied.length} migration(s) to the ${database.kind} database.`);
    const seed = await seedDemo(database.prisma, config.secrets.secretKey, new Date());
    if (json) process.stdout.write(`${JSON.stringify(demoSeedJson(seed))}\n`);
    else say(formatDemoSummary(seed, config.publicUrl));
  } finally {
    await database.close();
  }
});
