import { expect, test } from "@playwright/test";

test("the API reference documents every vendor endpoint and links to the OpenAPI document", async ({ page, request }, testInfo) => {
  await page.goto("/");
  await page.getByRole("link", { name: "API", exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API reference");

  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Add a stamp" }).click();
  await expect(page).toHaveURL(/#post-stamp$/);
  const stamp = page.locator("#post-stamp");
  await expect(stamp).toBeInViewport();
  await expect(stamp.getByText("/api/v1/vendor/loyalty/stamp", { exact: true })).toBeVisible();
  await expect(stamp.getByRole("cell", { name: "storeId", exact: true })).toBeVisible();
  await expect(stamp.getByRole("cell", { name: "Idempotency-Key (header)" })).toBeVisible();
  await expect(stamp).toContainText("429 COOLDOWN_ACTIVE");
  await page.screenshot({ path: testInfo.outputPath("api-reference.png") });

  await page.getByRole("link", { name: "The OpenAPI 3.1 document (JSON)" }).click();
  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  const json = (await document.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(json.openapi).toBe("3.1.0");
  expect(Object.keys(json.paths)).toContain("/api/v1/vendor/loyalty/cards/{cardNumber}/transactions");
});
