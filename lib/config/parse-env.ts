import path from "node:path";
import { ConfigError } from "./config-error";
import { envSchema } from "./env-schema";

/**
 * `acquireTimeoutMs` and `statementTimeoutMs` bound how long a request may wait for a pooled connection and for one
 * statement (0: no limit). Only the serving process's database has them (lib/db/index.ts): scripts such as
 * ledger:verify or migrations may run long statements.
 */
export type DatabaseSettings =
  | { kind: "postgresql"; url: string; poolSize: number; acquireTimeoutMs?: number; statementTimeoutMs?: number }
  | { kind: "pglite"; dataDir: string };

/** Configuration as read from the environment, before secrets are resolved. */
export type EnvConfig = ReturnType<typeof parseEnv>;

/**
 * Parses and validates the environment. Throws a ConfigError naming every
 * bad variable. Pure apart from reading `cwd` to resolve relative paths.
 */
export function parseEnv(env: Record<string, string | undefined>, cwd = process.cwd()) {
  const cleaned = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === undefined || value.trim() === "" ? undefined : value]),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "(environment)"), message: issue.message })),
    );
  }
  const e = result.data;
  const dataDir = path.resolve(cwd, e.LOYALTY_DATA_DIR ?? ".data");
  const database: DatabaseSettings = e.DATABASE_URL
    ? { kind: "postgresql", url: e.DATABASE_URL, poolSize: e.LOYALTY_DB_POOL_SIZE }
    : { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
  const publicUrl = (e.LOYALTY_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");

  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    database,
    publicUrl,
    logLevel: e.LOYALTY_LOG_LEVEL,
    /** Load shedding of the serving process (lib/http/in-flight.ts, lib/db/index.ts). */
    serving: {
      maxInFlight: e.LOYALTY_MAX_IN_FLIGHT,
      dbAcquireTimeoutMs: e.LOYALTY_DB_ACQUIRE_TIMEOUT_MS,
      dbStatementTimeoutMs: e.LOYALTY_DB_STATEMENT_TIMEOUT_MS,
      /** Proxies in front of the app that each append an address to X-Forwarded-For (lib/http/client-address.ts). */
      trustedProxies: e.LOYALTY_TRUSTED_PROXIES,
    },
    seedDemo: e.LOYALTY_SEED_DEMO ?? database.kind === "pglite",
    providedSecrets: { authSecret: e.AUTH_SECRET, secretKey: e.LOYALTY_SECRET_KEY },
    loyalty: {
      defaultCooldownMinutes: e.LOYALTY_DEFAULT_COOLDOWN_MINUTES,
      maxDailyStamps: e.LOYALTY_MAX_DAILY_STAMPS,
      pinMaxFailedAttempts: e.LOYALTY_PIN_MAX_FAILED_ATTEMPTS,
      pinLockoutMinutes: e.LOYALTY_PIN_LOCKOUT_MINUTES,
      defaultPointsPerEuro: e.LOYALTY_DEFAULT_POINTS_PER_EURO,
      maxPurchaseCents: e.LOYALTY_MAX_PURCHASE_CENTS,
    },
    outbox: {
      maxAttempts: e.LOYALTY_OUTBOX_MAX_ATTEMPTS,
      pollMs: e.LOYALTY_WORKER_POLL_MS,
      inProcess: e.LOYALTY_WORKER_IN_PROCESS ?? true,
    },
    mail: {
      smtpUrl: e.LOYALTY_SMTP_URL,
      from: e.LOYALTY_MAIL_FROM,
      /** The pace of a campaign's emails (lib/campaigns/send-campaign.ts). */
      campaignMailsPerMinute: e.LOYALTY_CAMPAIGN_MAILS_PER_MINUTE,
      outboxDir: path.join(dataDir, "mail"),
    },
    apple: {
      passTypeId: e.LOYALTY_APPLE_PASS_TYPE_ID,
      teamId: e.LOYALTY_APPLE_TEAM_ID,
      wwdrCertPath: e.LOYALTY_APPLE_WWDR_CERT_PATH,
      signerCertPath: e.LOYALTY_APPLE_SIGNER_CERT_PATH,
      signerKeyPath: e.LOYALTY_APPLE_SIGNER_KEY_PATH,
      signerKeyPassphrase: e.LOYALTY_APPLE_SIGNER_KEY_PASSPHRASE,
      apnsHost: e.LOYALTY_APNS_HOST,
      apnsCaPath: e.LOYALTY_APNS_CA_PATH,
    },
    google: {
      issuerId: e.LOYALTY_GOOGLE_ISSUER_ID,
      serviceAccountJson: e.LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON,
      apiRoot: e.LOYALTY_GOOGLE_API_ROOT,
    },
  };
}
