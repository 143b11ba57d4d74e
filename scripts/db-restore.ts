// npm run db:restore -- <file>: replaces the embedded database (PGlite) with a backup made by
// db:backup, while the app is stopped. The current data is kept aside, renamed. For PostgreSQL,
// use pg_restore (see the README).
import { getConfig } from "@/lib/config";
import { restoreEmbedded } from "@/lib/db/backup-embedded";
import { runCli } from "./cli";

runCli(async () => {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("Name the backup file: npm run db:restore -- backups/loyalty-2025-03-01.tar.gz");
  const { database } = getConfig();
  if (database.kind !== "pglite") {
    throw new Error("DATABASE_URL names a PostgreSQL database: restore it with pg_restore (see README.md, Backups).");
  }
  const { previous } = await restoreEmbedded(file, database.dataDir);
  console.log(`Restored the embedded database (${database.dataDir}) from ${file}.`);
  if (previous) console.log(`The data it replaced is kept in ${previous}; delete it once you are sure.`);
});
