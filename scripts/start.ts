// npm start: validates the configuration, builds the app if there is no fresh
// build, applies pending migrations, seeds the demo into an empty embedded
// database, then serves the app (scripts/serve.mjs: Next's handler behind a fast
// path). Stops the server when stopped itself (Ctrl-C, SIGTERM).
import { spawn } from "node:child_process";
import { getConfig } from "@/lib/config";
import { appleCertificates } from "@/lib/wallet/apple/apple-certificates";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { formatDemoSummary } from "@/lib/demo/format-demo-summary";
import { seedDemo } from "@/lib/demo/seed-demo";
import { buildIfNeeded, withoutTelemetry } from "./build-if-needed";
import { runCli } from "./cli";
import { appServerArgs } from "./app-server-command";

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
  const server = spawn(process.execPath, appServerArgs(config.port), {
    stdio: "inherit",
    env: withoutTelemetry(),
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  const code = await new Promise<number>((resolve) => server.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  process.exitCode = code;
});
