// npm run db:backup -- <file>: copies the embedded database (PGlite) into one file, while the app is
// stopped. For PostgreSQL, use pg_dump (see the README).
import { getConfig } from "@/lib/config";
import { backupEmbedded } from "@/lib/db/backup-embedded";
import { runCli } from "./cli";

runCli(async () => {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("Name the backup file: npm run db:backup -- backups/loyalty-2025-03-01.tar.gz");
  const { database } = getConfig();
  if (database.kind !== "pglite") {
    throw new Error("DATABASE_URL names a PostgreSQL database: back it up with pg_dump (see README.md, Backups).");
  }
  const { bytes } = await backupEmbedded(database.dataDir, file);
  console.log(`Backed up the embedded database (${database.dataDir}) to ${file} (${bytes} bytes).`);
});
