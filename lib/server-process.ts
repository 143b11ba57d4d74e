import "server-only";
import { counterApiFastPath } from "@/lib/cards/counter-endpoints";
import { ConfigError, getConfig } from "@/lib/config";
import { closeDatabase, getDatabase } from "@/lib/db";
import { DatabaseInUseError } from "@/lib/db/pglite-lock";
import { firstOf, installFastPath } from "@/lib/http/fast-path";
import { forwardedForFastPath } from "@/lib/http/forwarded-for-fast-path";
import { requestsSettled } from "@/lib/http/in-flight";
import { refuseUndecodablePath } from "@/lib/http/undecodable-path";
import type { OutboxWorker } from "@/lib/jobs/outbox-worker";
import { startOutboxWorker } from "@/lib/jobs/start-outbox-worker";
import { startScheduler } from "@/lib/jobs/start-scheduler";
import { logger, setLogLevel } from "@/lib/logger";
import { releaseAbortReasonStacks } from "@/lib/server/release-abort-reason-stacks";
import { googleWalletState } from "@/lib/wallet/google/google-wallet";
import { AppleCertificateError, appleCertificates } from "@/lib/wallet/apple/apple-certificates";
import { appleWebServiceFastPath } from "@/lib/wallet/apple/web-service-fast-path";

/**
 * What the app process does at start: validate the configuration (exit with
 * a message naming each bad variable), open the embedded database at once
 * (exit with a message if another process holds it), and close the database
 * cleanly on SIGTERM / SIGINT so it is left consistent and unlocked. The
 * outbox worker and the recurring jobs' scheduler run in this process unless LOYALTY_WORKER_IN_PROCESS=false.
 */
export async function startServerProcess(): Promise<void> {
  releaseAbortReasonStacks();
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  setLogLevel(config.logLevel);
  reportGoogleWallet();
  // The pass certificates are checked now, so a bad one stops the app with a clear message instead of failing downloads.
  let apple;
  try {
    apple = appleCertificates();
  } catch (error) {
    if (error instanceof AppleCertificateError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.database.kind === "postgresql" && config.generatedSecrets.length > 0) {
    logger.warn("config.generated_secrets", {
      variables: config.generatedSecrets,
      note: "Set these explicitly when several app instances share one PostgreSQL database: each instance would otherwise use its own.",
    });
  }
  if (config.database.kind === "pglite") {
    try {
      await getDatabase().prisma.$queryRawUnsafe("SELECT 1");
    } catch (error) {
      console.error(error instanceof DatabaseInUseError ? error.message : `Cannot open the embedded database: ${String(error)}`);
      process.exit(1);
    }
  }
  // scripts/serve.mjs hands every request to these before Next's router (each file says why).
  installFastPath(
    firstOf(forwardedForFastPath(config.serving.trustedProxies), refuseUndecodablePath, appleWebServiceFastPath, counterApiFastPath),
  );
  const worker: OutboxWorker | undefined = config.outbox.inProcess ? startOutboxWorker() : undefined;
  const scheduler = config.outbox.inProcess ? startScheduler() : undefined;
  logger.info("app.start", {
    database: config.database.kind,
    publicUrl: config.publicUrl,
    outboxWorker: worker ? "in process" : "separate",
    appleWallet: apple ? { passTypeId: apple.passTypeId, certificateExpires: apple.expiresAt.toISOString() } : "off",
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info("app.stop", { signal });
    const forceExit = setTimeout(() => process.exit(0), 5_000);
    forceExit.unref();
    // Requests in progress finish first, then the worker stops, then the database closes.
    requestsSettled(4_000)
      .then(() => Promise.all([worker?.stop(), scheduler?.stop()]))
      .then(() => closeDatabase())
      .finally(() => process.exit(0));
  };
  // `on`, not `once`: a second Ctrl-C must not kill the process halfway through closing the database.
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * Google Wallet settings that are there but wrong (one variable without the other, an unreadable key) do not stop
 * the app: the rest works, the "Add to Google Wallet" button stays hidden, and this says what to fix.
 */
function reportGoogleWallet(): void {
  const google = googleWalletState();
  if (google.state !== "invalid") return;
  console.error(
    [
      "Google Wallet is disabled: its configuration is invalid.",
      ...google.problems.map((p) => `  ${p.variable}: ${p.message}`),
      'Fix these variables (or unset both to turn Google Wallet off) and restart; until then the card page shows no "Add to Google Wallet" button.',
    ].join("\n"),
  );
  logger.error("google_wallet.invalid_configuration", { problems: google.problems });
}
