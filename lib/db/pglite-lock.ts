import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * PGlite is a single-process database: two processes opening the same data
 * directory would corrupt it. Every process that opens the embedded database
 * first takes this lock (an atomic mkdir through proper-lockfile, kept fresh
 * while the process lives) and records who holds it, so a second command can
 * say plainly what is in the way instead of touching the data.
 */

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `${holder.purpose} (pid ${holder.pid}, since ${holder.since})` : "another process";
    super(
      `The embedded database in ${dataDir} is in use by ${who}. ` +
        "PGlite can only be opened by one process at a time: stop that process first " +
        "(for example the running app), then run this command again. " +
        "To run several processes at once, use PostgreSQL by setting DATABASE_URL.",
    );
    this.name = "DatabaseInUseError";
  }
}

export type LockHolder = { pid: number; host: string; purpose: string; since: string };

const STALE_MS = 15_000;

function lockPaths(dataDir: string) {
  return { lockDir: `${dataDir}.lock`, holderFile: `${dataDir}.lock.json` };
}

function readHolder(holderFile: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(holderFile, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DatabaseInUseError. Returns the release function. */
export function acquirePgliteLock(dataDir: string, purpose: string): () => void {
  const { lockDir, holderFile } = lockPaths(dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  const tryLock = () =>
    lockfile.lockSync(dataDir, {
      realpath: false,
      lockfilePath: lockDir,
      stale: STALE_MS,
      onCompromised: (error) => {
        // Someone else may now hold the database: stop writing at once rather than risk corrupting it.
        console.error(`Lost the lock on the embedded database ${dataDir}: ${error.message}. Exiting.`);
        process.exit(1);
      },
    });

  let release: () => void;
  try {
    release = tryLock();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    const holder = readHolder(holderFile);
    // A holder on this machine that no longer runs (killed with SIGKILL) left a lock behind: take it over.
    if (holder && holder.host === os.hostname() && holder.pid !== process.pid && !isAlive(holder.pid)) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      release = tryLock();
    } else {
      throw new DatabaseInUseError(dataDir, holder);
    }
  }

  const me: LockHolder = { pid: process.pid, host: os.hostname(), purpose, since: new Date().toISOString() };
  fs.writeFileSync(holderFile, JSON.stringify(me));
  const forgetHolder = () => {
    if (readHolder(holderFile)?.pid === process.pid) fs.rmSync(holderFile, { force: true });
  };
  // proper-lockfile removes its lock when the process exits; the holder note goes with it.
  process.once("exit", forgetHolder);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    process.removeListener("exit", forgetHolder);
    forgetHolder();
    try {
      release();
    } catch {
      // Already released (for example by proper-lockfile's exit handler).
    }
  };
}
