import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./test/find-chromium";

/**
 * Journeys in Debian's Chromium against the built app (`npm test` builds it
 * and provides E2E_DATABASE_URL, a fresh PostgreSQL database). The server is
 * started the way a newcomer starts it: scripts/start.ts.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

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
    },
  },
});
