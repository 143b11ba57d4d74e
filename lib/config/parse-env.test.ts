import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { parseEnv } from "./parse-env";

function problemsOf(env: Record<string, string>): ConfigError["problems"] {
  try {
    parseEnv(env, "/srv/app");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseEnv", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = parseEnv({}, "/srv/app");
    expect(config.database).toEqual({ kind: "pglite", dataDir: "/srv/app/.data/pglite" });
    expect(config.dataDir).toBe("/srv/app/.data");
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.seedDemo).toBe(true);
    expect(config.loyalty).toEqual({
      defaultCooldownMinutes: 15,
      maxDailyStamps: 5,
      pinMaxFailedAttempts: 5,
      pinLockoutMinutes: 30,
      defaultPointsPerEuro: 1,
      maxPurchaseCents: 100_000,
    });
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(config.mail.outboxDir).toBe("/srv/app/.data/mail");
  });

  it("uses PostgreSQL when DATABASE_URL is set, and does not seed the demo there by default", () => {
    const config = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/loyalty" });
    expect(config.database).toEqual({ kind: "postgresql", url: "postgresql://u:p@db:5432/loyalty", poolSize: 10 });
    expect(config.seedDemo).toBe(false);
    expect(parseEnv({ DATABASE_URL: "postgres://db/x", LOYALTY_SEED_DEMO: "yes" }).seedDemo).toBe(true);
  });

  it("reads the number of trusted proxies, one unless set", () => {
    expect(parseEnv({}).serving.trustedProxies).toBe(1);
    expect(parseEnv({ LOYALTY_TRUSTED_PROXIES: "0" }).serving.trustedProxies).toBe(0);
    expect(parseEnv({ LOYALTY_TRUSTED_PROXIES: "2" }).serving.trustedProxies).toBe(2);
  });

  it("reads the pace of campaign emails, 60 a minute unless set", () => {
    expect(parseEnv({}).mail.campaignMailsPerMinute).toBe(60);
    expect(parseEnv({ LOYALTY_CAMPAIGN_MAILS_PER_MINUTE: "600" }).mail.campaignMailsPerMinute).toBe(600);
  });

  it("moves the data directory with LOYALTY_DATA_DIR", () => {
    const config = parseEnv({ LOYALTY_DATA_DIR: "/var/lib/loyalty" }, "/srv/app");
    expect(config.database).toEqual({ kind: "pglite", dataDir: "/var/lib/loyalty/pglite" });
    expect(parseEnv({ LOYALTY_DATA_DIR: "state" }, "/srv/app").dataDir).toBe("/srv/app/state");
  });

  it("derives the public URL from PORT and strips a trailing slash", () => {
    expect(parseEnv({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(parseEnv({ LOYALTY_PUBLIC_URL: "https://loyalty.example/" }).publicUrl).toBe("https://loyalty.example");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ LOYALTY_MAX_DAILY_STAMPS: "", DATABASE_URL: "  " }).loyalty.maxDailyStamps).toBe(5);
  });

  it.each([
    ["LOYALTY_MAX_DAILY_STAMPS", "abc", /whole number from 1 to 100, got "abc"/],
    ["LOYALTY_MAX_DAILY_STAMPS", "0", /got 0/],
    ["LOYALTY_MAX_DAILY_STAMPS", "2.5", /whole number/],
    ["LOYALTY_DEFAULT_COOLDOWN_MINUTES", "-1", /whole number/],
    ["LOYALTY_PIN_MAX_FAILED_ATTEMPTS", "1e3", /whole number/],
    ["LOYALTY_TRUSTED_PROXIES", "11", /whole number from 0 to 10, got 11/],
    ["LOYALTY_TRUSTED_PROXIES", "-1", /whole number/],
    ["LOYALTY_CAMPAIGN_MAILS_PER_MINUTE", "0", /whole number from 1 to 6000, got 0/],
    ["LOYALTY_CAMPAIGN_MAILS_PER_MINUTE", "fast", /whole number/],
    ["PORT", "70000", /from 1 to 65535/],
    ["DATABASE_URL", "mysql://localhost/db", /PostgreSQL connection URL/],
    ["DATABASE_URL", "not a url", /PostgreSQL connection URL/],
    ["LOYALTY_PUBLIC_URL", "ftp://x", /public base URL/],
    ["LOYALTY_SMTP_URL", "http://mail", /SMTP URL/],
    ["AUTH_SECRET", "short", /at least 32 characters/],
    ["LOYALTY_SEED_DEMO", "maybe", /true or false/],
    ["LOYALTY_LOG_LEVEL", "loud", /./],
  ])("names %s when it is %s", (variable, value, message) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.variable).toBe(variable);
    expect(problems[0]!.message).toMatch(message);
  });

  it("names every bad variable at once, in a message meant for a person", () => {
    try {
      parseEnv({ LOYALTY_MAX_DAILY_STAMPS: "abc", PORT: "x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("Invalid configuration:");
      expect(message).toContain('LOYALTY_MAX_DAILY_STAMPS: expected a whole number from 1 to 100, got "abc"');
      expect(message).toContain("PORT:");
    }
  });
});
