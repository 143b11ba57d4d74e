import { mkdirSync } from "node:fs";
import path from "node:path";
import { test, type Page } from "@playwright/test";

export const SCREENSHOT_DIR = "test-results/screenshots";

/**
 * A full-page screenshot at the journey's (desktop) width, kept as a test
 * artifact: saved under test-results/screenshots/<name>.png (CI keeps that
 * folder) and attached to the test's report.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // From the top: a sticky sidebar would otherwise be drawn where the last click scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: "image/png" });
}
