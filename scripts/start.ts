// npm start: validates the configuration, builds the app if there is no fresh
// build, applies pending migrations and seeds the demo into an empty embedded
// database (scripts/prepare-database.ts, in a process of its own), then serves
// the app (scripts/serve.mjs: Next's handler behind a fast path). Stops the
// server when stopped itself (Ctrl-C, SIGTERM).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { appleCertificates } from "@/lib/wallet/apple/apple-certificates";
import { appServerArgs, appServerEnv } from "./app-server-command";
import { buildIfNeeded, withoutTelemetry } from "./build-if-needed";
import { runCli } from "./cli";

runCli(async () => {
  const config = getConfig();
  appleCertificates(); // a bad pass certificate stops here, before the build, with a message naming the problem
  buildIfNeeded();

  // With this process's own flags (tsx, the react-server condition); it prints its own errors.
  const prepared = spawnSync(process.execPath, [...process.execArgv, path.join(process.cwd(), "scripts", "prepare-database.ts")], {
    stdio: "inherit",
    env: withoutTelemetry(),
  });
  if (prepared.status !== 0) {
    process.exitCode = prepared.status ?? 1;
    return;
  }

  console.log(`Serving ${config.publicUrl} (database: ${config.database.kind}). Press Ctrl-C to stop.`);
  const server = spawn(process.execPath, appServerArgs(config.port), { stdio: "inherit", env: appServerEnv(withoutTelemetry()) });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  const code = await new Promise<number>((resolve) => server.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  process.exitCode = code;
});
