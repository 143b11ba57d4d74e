import type { Page } from "@playwright/test";
import { runCommand } from "./app-process";

export type SeedMerchantOptions = {
  name?: string;
  /** Also a manager account. */
  manager?: boolean;
  /** A program of this type ("Coffee card", 10 stamps for a free coffee). */
  program?: "stamps" | "points" | "hybrid";
  /** A store "Main street". */
  store?: boolean;
  /** A staff member at that store with this PIN. */
  staffPin?: string;
  /** An API key (the secret is returned). */
  apiKey?: boolean;
  /** Also a platform admin account (no merchant), for the admin console's journeys. */
  admin?: boolean;
  /** Two deliveries in trouble for this merchant: a dead email and a failing wallet update (the admin console's outbox). */
  troubledDeliveries?: boolean;
  /** A failed run of the points expiry job for this merchant, an hour ago, with this error (the admin console's jobs). */
  failedJobRun?: string;
};

type Credentials = { email: string; password: string };

export type SeededMerchant = {
  merchantId: string;
  owner: Credentials;
  manager?: Credentials;
  store?: { id: string; code: string; name: string };
  staff?: { id: string; name: string; pin: string };
  apiKey?: string;
  admin?: Credentials;
};

/** A fresh merchant of its own for one journey (unique emails), made by the same services the app uses. */
export async function seedMerchant(options: SeedMerchantOptions = {}): Promise<SeededMerchant> {
  const { code, stdout, stderr } = await runCommand(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "e2e/support/seed-merchant-cli.ts", JSON.stringify(options)],
    { DATABASE_URL: process.env.E2E_DATABASE_URL ?? "", LOYALTY_DATA_DIR: "test-results/e2e-data" },
  );
  if (code !== 0) throw new Error(`seeding a merchant failed: ${stderr}`);
  return JSON.parse(stdout) as SeededMerchant;
}

/**
 * Logs in over next-auth's credentials endpoint (not through the form, which
 * has a journey of its own); the session cookie lands in the page's context.
 */
let loginCount = 0;

export async function logIn(page: Page, credentials: Credentials): Promise<void> {
  const csrfResponse = await page.request.get("/api/auth/csrf");
  const csrf = (await csrfResponse.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { ...credentials, csrfToken: csrf.csrfToken, json: "true" },
    // As the login form would: a change with this site's cookies must name its origin (proxy.ts). Each journey's
    // login counts as its own client (the address a proxy would add), so the suite stays under the login rate limit.
    headers: { origin: new URL(csrfResponse.url()).origin, "x-forwarded-for": `198.18.${loginCount >> 8}.${loginCount++ & 255}` },
    maxRedirects: 0,
  });
  if (response.status() >= 400) throw new Error(`log in failed: ${response.status()}`);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { uid?: string };
  if (!session.uid) throw new Error("log in failed: no session");
}
