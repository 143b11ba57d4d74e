import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

/**
 * A throwaway PostgreSQL server for a test run: initdb into a temporary
 * directory, start on a free loopback port, drop everything on stop. Tuned
 * for speed (no fsync), never for durability. PostgreSQL refuses to run as
 * root, so as root the server runs as the `postgres` system user.
 */

const BIN_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

export function findPostgresBinDir(): string | null {
  for (const dir of BIN_DIRS) if (fs.existsSync(path.join(dir, "initdb"))) return dir;
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return onPath ? path.dirname(onPath) : null;
}

export type PostgresCluster = {
  url: string;
  logFile: string;
  stop(): void;
  /**
   * Stops the server (`fast`: clients' sessions are terminated, a clean shutdown; `immediate`: as after a crash,
   * recovery at start), keeps it down `downtimeMs`, and starts it again on the same port. Asynchronous, so a
   * load driven from the same process goes on meanwhile.
   */
  restart(options?: { mode?: "fast" | "immediate"; downtimeMs?: number }): Promise<void>;
};

/** `settings`: extra server settings, e.g. ["shared_preload_libraries=auto_explain"] for the dashboard benchmark. */
export async function startPostgresCluster(settings: string[] = []): Promise<PostgresCluster> {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) were not found");
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    execFileSync("chown", ["postgres:postgres", dir]);
  }
  const command = (name: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, name), ...args]] : [path.join(bin, name), args];
  const run = (name: string, args: string[]) => {
    const [file, argv] = command(name, args);
    return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  };
  const runAsync = (name: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [file, argv] = command(name, args);
      execFile(file, argv, (error, _stdout, stderr) =>
        error ? reject(new Error(`${name} failed: ${stderr || error.message}`)) : resolve(),
      );
    });
  run("initdb", ["-D", dataDir, "-U", "loyalty", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"]);
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-k ${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
    "-c shared_buffers=128MB",
    ...settings.map((setting) => `-c ${setting}`),
  ].join(" ");
  const logFile = path.join(dir, "server.log");
  run("pg_ctl", ["-D", dataDir, "-o", options, "-l", logFile, "-w", "-t", "60", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already gone.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const restart = async ({ mode = "fast", downtimeMs = 0 }: { mode?: "fast" | "immediate"; downtimeMs?: number } = {}) => {
    await runAsync("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
    if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs));
    await runAsync("pg_ctl", ["-D", dataDir, "-o", options, "-l", logFile, "-w", "-t", "60", "start"]);
  };
  return { url: `postgresql://loyalty@127.0.0.1:${port}/postgres`, logFile, stop, restart };
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
