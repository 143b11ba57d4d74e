// npm run db:seed [-- --json]: creates the demo merchant (a café with two
// stores, a 10-stamp program, three staff with PINs, fifty customers with
// sixty days of history) unless it exists, applying pending migrations first.
// --json prints one JSON object on stdout and nothing else.
// --large creates the large demo instead: one chain with 100,000 cards and
// 1,000,000 ledger rows (for bench/dashboard.ts and trying the dashboard at scale).
import { getConfig } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { demoSeedJson, formatDemoSummary } from "@/lib/demo/format-demo-summary";
import { seedDemo } from "@/lib/demo/seed-demo";
import { seedLarge } from "@/lib/demo/seed-large";
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
    if (process.argv.includes("--large")) {
      say("Seeding the large demo (100,000 cards, 1,000,000 ledger rows)…");
      const started = performance.now();
      const large = await seedLarge(database, config.secrets.secretKey, new Date(), say);
      if (json) process.stdout.write(`${JSON.stringify(large)}\n`);
      else {
        say(large.created ? `Created in ${Math.round((performance.now() - started) / 1000)} s.` : "The large demo already exists.");
        say(`Log in at ${config.publicUrl}/login as ${large.ownerEmail} with the password ${large.ownerPassword}`);
        say(`${large.cards.toLocaleString("en")} cards, ${large.ledgerRows.toLocaleString("en")} ledger rows.`);
      }
      return;
    }
    const seed = await seedDemo(database.prisma, config.secrets.secretKey, new Date());
    if (json) process.stdout.write(`${JSON.stringify(demoSeedJson(seed))}\n`);
    else say(formatDemoSummary(seed, config.publicUrl));
  } finally {
    await database.close();
  }
});
