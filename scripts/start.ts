// npm start: validates the configuration, builds the app if there is no fresh
// build, applies pending migrations, seeds the demo into an empty embedded
// database, then serves the app with `next start`. Stops the server when
// stopped itself (Ctrl-C, SIGTERM).
import { spawn } from "node:child_process";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { appleCertificates } from "@/lib/wallet/apple/apple-certificates";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { formatDemoSummary } from "@/lib/demo/format-demo-summary";
import { seedDemo } from "@/lib/demo/seed-demo";
import { buildIfNeeded, withoutTelemetry } from "./build-if-needed";
import { runCli } from "./cli";
import { NEXT_SERVER_NODE_ARGS } from "./next-server-args";

runCli(async () => {
  const config = getConfig();
  appleCertificates(); // a bad pass certificate stops here, before the build, with a message naming the problem
  buildIfNeeded();

  // The embedded database is opened here and closed again before the server opens it.
  const database = openDatabase(config.database, "npm start (migrations)");
  try {
    const applied = await applyMigrations(database);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to the ${database.kind} database.`);
    if (config.seedDemo && (await database.prisma.merchant.count()) === 0) {
      console.log("The database is empty: loading the demo data…");
      const seed = await seedDemo(database.prisma, config.secrets.secretKey, new Date());
      console.log(formatDemoSummary(seed, config.publicUrl));
    }
  } finally {
    await database.close();
  }

  console.log(`Serving ${config.publicUrl} (database: ${config.database.kind}). Press Ctrl-C to stop.`);
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  // Our shutdown handler (lib/server-process.ts) closes the database before exiting; Next's own would race it.
  const server = spawn(process.execPath, [...NEXT_SERVER_NODE_ARGS, nextBin, "start", "-p", String(config.port)], {
    stdio: "inherit",
    env: { ...withoutTelemetry(), NEXT_MANUAL_SIG_HANDLE: "true" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  const code = await new Promise<number>((resolve) => server.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  process.exitCode = code;
});
