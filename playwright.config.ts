import { defineConfig, devices } from "@playwright/test";
import path from "node:path";
import { devCertificateEnv, generateDevCertificates } from "./lib/wallet/apple/dev-certificates";
import { CHROMIUM_ARGS, findChromium } from "./test/find-chromium";

/**
 * Journeys in Debian's Chromium against the built app (`npm test` builds it
 * and provides E2E_DATABASE_URL, a fresh PostgreSQL database). The server is
 * started the way a newcomer starts it: scripts/start.ts.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Apple Wallet on, with dev certificates made for this run (as `npm run certs:dev` makes them). Pushes go to a
// local port where nothing listens, so no journey ever reaches Apple; the push itself is tested against a fake
// APNs in lib/wallet/apple/apple-wallet.db.test.ts. The config is loaded by the runner and by each worker: only
// the runner (which starts the web server) generates them.
const appleEnv = process.env.TEST_WORKER_INDEX
  ? {}
  : {
      ...devCertificateEnv(
        generateDevCertificates(path.resolve("test-results", "e2e-data", "certs"), {
          passTypeId: "pass.e2e.loyalty",
          teamId: "E2ETEAM001",
        }),
      ),
      LOYALTY_APNS_HOST: "https://127.0.0.1:9",
    };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: {
    command: "node --import tsx --conditions=react-server scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      NODE_OPTIONS: "",
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      LOYALTY_PUBLIC_URL: baseURL,
      LOYALTY_SEED_DEMO: "true",
      LOYALTY_DATA_DIR: "test-results/e2e-data",
      NEXT_TELEMETRY_DISABLED: "1",
      ...appleEnv,
    },
  },
});
