// npm run db:migration -- <name> [--empty]: writes the next migration from the
// difference between prisma/migrations (replayed on a shadow database) and
// prisma/schema.prisma. --empty writes an empty migration for hand-written SQL
// (triggers, data fixes) that the schema cannot express.
import { getConfig } from "@/lib/config";
import { diffMigrationsToSchema } from "@/lib/db/migrations/diff-schema";
import { ensureLockfile, writeMigration } from "@/lib/db/migrations/migrations-folder";
import { openDatabase } from "@/lib/db/open-database";
import { runCli } from "./cli";

runCli(async () => {
  const args = process.argv.slice(2);
  const empty = args.includes("--empty");
  const name = args.find((arg) => !arg.startsWith("--"));
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <name> [--empty]   (name: lower-case letters, digits and _)");
    process.exitCode = 1;
    return;
  }
  const config = getConfig();
  const database = openDatabase(config.database, "npm run db:migration");
  try {
    ensureLockfile();
    const sql = empty ? "-- Hand-written migration.\n" : await diffMigrationsToSchema(database);
    if (!sql) {
      console.log("No changes: prisma/schema.prisma matches the migrations. Nothing written.");
      return;
    }
    const file = writeMigration(name, sql, new Date());
    console.log(`Wrote ${file}\nReview it, then run npm run db:migrate to apply it.`);
  } finally {
    await database.close();
  }
});
