import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import type { Database } from "@/lib/db/open-database";
import { appServerArgs, appServerEnv } from "@/scripts/app-server-command";
import { freePort } from "@/test/free-port";
import { createPostgresDatabase } from "@/test/test-databases";

/**
 * The system suites (test/system/, `npm test -- --only system`) drive the
 * built app (`next build` output, as `npm start` runs it) over HTTP on
 * PostgreSQL: a fresh migrated database per suite, and as many app instances
 * on it as a suite needs, each killable like a real process.
 */

export const SYSTEM_SECRETS = {
  AUTH_SECRET: "system-auth-secret-0123456789abcdefghijklmnop",
  LOYALTY_SECRET_KEY: "system-secret-key-0123456789abcdefghijklmnopq",
};

/** A new migrated PostgreSQL database on the test server (TEST_DATABASE_URL); dropped by `close()`. */
export async function createSystemDatabase(): Promise<Database & { url: string }> {
  const database = await createPostgresDatabase(undefined, 5);
  await applyMigrations(database);
  return database;
}

export type AppInstance = {
  url: string;
  port: number;
  pid: number;
  /** Everything the process wrote, for suites that inspect the logs. */
  output(): string;
  /** Sends a signal (SIGKILL for a crash) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  exited(): boolean;
};

/** Starts the built app on `databaseUrl` and waits until /api/health answers. */
export async function startAppInstance(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}): Promise<AppInstance> {
  const port = options.port ?? (await freePort());
  let output = "";
  const child: ChildProcess = spawn(process.execPath, appServerArgs(port, [], ""), {
    env: appServerEnv({
      ...process.env,
      NODE_OPTIONS: "",
      NEXT_TELEMETRY_DISABLED: "1",
      LOYALTY_DATA_DIR: path.join(os.tmpdir(), `loyalty-system-${port}`),
      LOYALTY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOYALTY_SEED_DEMO: "false",
      ...SYSTEM_SECRETS,
      DATABASE_URL: options.databaseUrl,
      ...options.env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the app exited at start:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not answer /api/health in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    pid: child.pid!,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    kill: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
