import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openDatabase } from "@/lib/db/open-database";
import { freePort } from "@/test/free-port";
import { runCommand, startApp } from "./support/app-process";

// #2: `npm install && npm start` on a fresh clone serves the app on the embedded
// database with the demo data, keeps it across restarts, and never lets a second
// process open the database under the running app.
test.describe("npm start on the embedded database", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  let dataDir = "";
  test.beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-embedded-"));
  });
  test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test("serves the landing page and a health check on PGlite, seeded once, across a restart", async ({ page }) => {
    const port = await freePort();
    const env = { LOYALTY_DATA_DIR: dataDir };

    const first = await startApp(env, port);
    try {
      expect(first.output()).toContain("Created the demo merchant");
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", database: "pglite" });

      await page.goto(first.url);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loyalty cards your customers keep in their wallet");
      await page.goto(`${first.url}/demo`);
      await expect(page.getByText(/50 customers/)).toBeVisible();

      // While the app holds the embedded database, another command stops with a clear message.
      const seed = await runCommand("node_modules/.bin/tsx", ["--conditions=react-server", "prisma/seed.ts"], env);
      expect(seed.code).toBe(1);
      expect(seed.stderr).toContain(`The embedded database in ${path.join(dataDir, "pglite")} is in use by`);
      expect(seed.stderr).toContain("stop that process first");
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startApp(env, port);
    try {
      expect(second.output()).not.toContain("Created the demo merchant");
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      await page.goto(`${second.url}/demo`);
      await expect(page.getByText(/50 customers/)).toBeVisible();
    } finally {
      await second.stop();
    }

    // Stopped: the database opens again, and holds the demo exactly once.
    const database = openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") }, "e2e check");
    try {
      expect(await database.prisma.merchant.count()).toBe(1);
      expect(await database.prisma.card.count()).toBe(50);
    } finally {
      await database.close();
    }
  });

  test("stops at start with a message naming a bad variable", async () => {
    const port = await freePort();
    const app = await startApp({ LOYALTY_DATA_DIR: dataDir, LOYALTY_MAX_DAILY_STAMPS: "abc" }, port, 30_000);
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('LOYALTY_MAX_DAILY_STAMPS: expected a whole number from 1 to 100, got "abc"');
  });
});
