// npm run worker: runs the outbox worker and the recurring jobs' scheduler as their own process (set
// LOYALTY_WORKER_IN_PROCESS=false on the app instances then). PostgreSQL
// only: the embedded database cannot be shared with the app process.
import { getConfig } from "@/lib/config";
import { closeDatabase, getDatabase } from "@/lib/db";
import { startOutboxWorker } from "@/lib/jobs/start-outbox-worker";
import { startScheduler } from "@/lib/jobs/start-scheduler";
import { logger, setLogLevel } from "@/lib/logger";
import { runCli } from "./cli";

runCli(async () => {
  const config = getConfig();
  setLogLevel(config.logLevel);
  await getDatabase().prisma.$queryRawUnsafe("SELECT 1");
  const worker = startOutboxWorker();
  const scheduler = startScheduler();
  logger.info("worker.start", { database: config.database.kind });
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info("worker.stop", { signal });
      resolve();
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  await Promise.all([worker.stop(), scheduler.stop()]);
  await closeDatabase();
});
