import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLock } from "./pglite-lock";

/**
 * Backup and restore of the embedded database (PGlite's dumpDataDir / loadDataDir: the whole data
 * directory as one gzipped tarball). Both take the database's lock first, so they refuse while the
 * app (or any other command) has the database open.
 */

export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(dataDir)) throw new Error(`There is no embedded database in ${dataDir}.`);
  const release = acquirePgliteLock(dataDir, "npm run db:backup");
  try {
    const client = await PGlite.create(dataDir);
    try {
      const dump = await client.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, bytes);
      fs.renameSync(partial, file);
      return { bytes: bytes.length };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Replaces the embedded database with a backup. The current data directory is kept, renamed
 * (`<dir>.before-restore-<time>`), never deleted. Returns that path, if there was one.
 */
export async function restoreEmbedded(file: string, dataDir: string, now = new Date()): Promise<{ previous: string | null }> {
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}.`);
  const release = acquirePgliteLock(dataDir, "npm run db:restore");
  try {
    let previous: string | null = null;
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      previous = `${dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dataDir, previous);
    }
    try {
      const client = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        await client.query("SELECT 1");
      } finally {
        await client.close();
      }
    } catch (error) {
      // A backup that does not load leaves the database as it was.
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (previous) fs.renameSync(previous, dataDir);
      throw error;
    }
    return { previous };
  } finally {
    release();
  }
}
