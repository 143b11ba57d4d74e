import { z } from "zod";

/**
 * Every environment variable the platform reads, with its default.
 * Empty strings count as unset, so a blank line in a .env file never
 * overrides a default with "".
 */

const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw.trim())) {
        ctx.addIssue({ code: "custom", message: `expected a whole number from ${min} to ${max}, got "${raw}"` });
        return z.NEVER;
      }
      const value = Number(raw.trim());
      if (value < min || value > max) {
        ctx.addIssue({ code: "custom", message: `expected a whole number from ${min} to ${max}, got ${value}` });
        return z.NEVER;
      }
      return value;
    });

const flag = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    const value = raw.trim().toLowerCase();
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off"].includes(value)) return false;
    ctx.addIssue({ code: "custom", message: `expected true or false, got "${raw}"` });
    return z.NEVER;
  });

const urlWithProtocols = (protocols: string[], what: string) =>
  z
    .string()
    .optional()
    .refine(
      (raw) => {
        if (raw === undefined) return true;
        try {
          return protocols.includes(new URL(raw).protocol);
        } catch {
          return false;
        }
      },
      { message: `expected ${what} (${protocols.map((p) => `${p}//…`).join(" or ")})` },
    );

const secret = z
  .string()
  .optional()
  .refine((raw) => raw === undefined || raw.length >= 32, {
    message: "expected at least 32 characters (generate one with: openssl rand -base64 48)",
  });

const optionalText = z.string().trim().min(1).optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: wholeNumber(1, 65535, 3000),
  DATABASE_URL: urlWithProtocols(["postgres:", "postgresql:"], "a PostgreSQL connection URL"),
  LOYALTY_DB_POOL_SIZE: wholeNumber(1, 200, 10),
  LOYALTY_DB_ACQUIRE_TIMEOUT_MS: wholeNumber(100, 60_000, 2_000),
  LOYALTY_DB_STATEMENT_TIMEOUT_MS: wholeNumber(0, 3_600_000, 3_000),
  LOYALTY_MAX_IN_FLIGHT: wholeNumber(1, 10_000, 64),
  LOYALTY_TRUSTED_PROXIES: wholeNumber(0, 10, 1),
  LOYALTY_DATA_DIR: optionalText,
  LOYALTY_PUBLIC_URL: urlWithProtocols(["http:", "https:"], "the public base URL of the app"),
  AUTH_SECRET: secret,
  LOYALTY_SECRET_KEY: secret,
  LOYALTY_DEFAULT_COOLDOWN_MINUTES: wholeNumber(0, 1440, 15),
  LOYALTY_MAX_DAILY_STAMPS: wholeNumber(1, 100, 5),
  LOYALTY_PIN_MAX_FAILED_ATTEMPTS: wholeNumber(1, 100, 5),
  LOYALTY_PIN_LOCKOUT_MINUTES: wholeNumber(1, 10080, 30),
  LOYALTY_DEFAULT_POINTS_PER_EURO: wholeNumber(0, 1000, 1),
  LOYALTY_MAX_PURCHASE_CENTS: wholeNumber(1, 100_000_000, 100_000),
  LOYALTY_OUTBOX_MAX_ATTEMPTS: wholeNumber(1, 100, 10),
  LOYALTY_WORKER_POLL_MS: wholeNumber(50, 60_000, 500),
  LOYALTY_WORKER_IN_PROCESS: flag,
  LOYALTY_SMTP_URL: urlWithProtocols(["smtp:", "smtps:"], "an SMTP URL"),
  LOYALTY_MAIL_FROM: z.string().trim().min(3).default("Loyalty <no-reply@localhost>"),
  LOYALTY_CAMPAIGN_MAILS_PER_MINUTE: wholeNumber(1, 6_000, 60),
  LOYALTY_SEED_DEMO: flag,
  LOYALTY_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  LOYALTY_APPLE_PASS_TYPE_ID: optionalText,
  LOYALTY_APPLE_TEAM_ID: optionalText,
  LOYALTY_APPLE_WWDR_CERT_PATH: optionalText,
  LOYALTY_APPLE_SIGNER_CERT_PATH: optionalText,
  LOYALTY_APPLE_SIGNER_KEY_PATH: optionalText,
  LOYALTY_APPLE_SIGNER_KEY_PASSPHRASE: optionalText,
  LOYALTY_APNS_HOST: urlWithProtocols(["https:", "http:"], "the APNs base URL"),
  LOYALTY_APNS_CA_PATH: optionalText,
  LOYALTY_GOOGLE_ISSUER_ID: optionalText,
  LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON: optionalText,
  LOYALTY_GOOGLE_API_ROOT: urlWithProtocols(["https:", "http:"], "the Google Wallet API root URL"),
});

export type RawEnv = z.infer<typeof envSchema>;

/** Names of the variables, for documentation and tests. */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as (keyof RawEnv)[];
