import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { screenshot } from "./support/screenshot";
import { seedMerchant } from "./support/seed-merchant";

// #7: the journeys run with Apple Wallet on, signed by dev certificates made for the run (playwright.config.ts).
test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)",
});

test("the card page's Add to Apple Wallet downloads a signed .pkpass of the card; a tampered link is refused", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = randomUUID().slice(0, 8);
  const merchant = await seedMerchant({ name: `Café Pomme ${suffix}`, program: "stamps", store: true });

  await page.goto(`/join/${merchant.store!.code}`);
  await page.getByLabel("First name").fill("Zoé");
  await page.getByRole("button", { name: "Get my card" }).click();
  await expect(page).toHaveURL(/\/card\/[\w-]{20,}$/);

  const add = page.getByRole("link", { name: "Add to Apple Wallet" });
  await expect(add).toBeVisible();
  const href = (await add.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/v1\/loyalty\/passes\/apple\/[\w-]+\.pkpass\?expires=\d+&sig=[\w-]+$/);
  await screenshot(page, "apple-wallet-card-page");

  const [download] = await Promise.all([page.waitForEvent("download"), add.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pkpass$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-pkpass-"));
  const file = path.join(dir, "card.pkpass");
  await download.saveAs(file);
  execFileSync("unzip", ["-q", file, "-d", path.join(dir, "pass")]);
  const pass = JSON.parse(fs.readFileSync(path.join(dir, "pass", "pass.json"), "utf8")) as Record<string, unknown> & {
    storeCard: { headerFields: { value: string }[]; secondaryFields: { key: string; value: string }[] };
  };
  expect(pass).toMatchObject({ passTypeIdentifier: "pass.e2e.loyalty", organizationName: `Café Pomme ${suffix}` });
  expect(String(pass.webServiceURL)).toMatch(/\/api\/v1\/loyalty\/apple$/);
  expect(pass.storeCard.headerFields[0]!.value).toBe("0 / 10");
  expect(pass.storeCard.secondaryFields).toContainEqual(expect.objectContaining({ key: "member", value: "Zoé" }));
  // The signature verifies against the run's dev CA.
  execFileSync(
    "openssl",
    [
      "smime",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      "signature",
      "-content",
      "manifest.json",
      "-CAfile",
      path.resolve("test-results", "e2e-data", "certs", "ca.pem"),
      "-purpose",
      "any",
      "-out",
      "/dev/null",
    ],
    { cwd: path.join(dir, "pass"), stdio: "pipe" },
  );

  // The same request's headers: the pass type and Last-Modified.
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/vnd.apple.pkpass");
  expect(Date.parse(response.headers()["last-modified"]!)).toBeGreaterThan(0);

  // A link with another signature, or without one, downloads nothing.
  expect((await page.request.get(href.replace(/sig=[\w-]+/, "sig=forged"))).status()).toBe(403);
  expect((await page.request.get(href.split("?")[0]!)).status()).toBe(403);
});
