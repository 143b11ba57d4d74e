import { expect, test } from "@playwright/test";
import { screenshot } from "./support/screenshot";
import { logIn, seedMerchant } from "./support/seed-merchant";

test("the owner creates an API key shown once, uses it, renames it and revokes it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const merchant = await seedMerchant({ program: "stamps" });
  await logIn(page, merchant.owner);

  await page.goto("/dashboard/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Read the API reference" })).toHaveAttribute("href", "/docs/api");
  await expect(page.getByText("No keys yet.")).toBeVisible();

  await page.getByLabel("Name").fill("Till at the bar");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("region", { name: 'Your new key "Till at the bar"' });
  await expect(shown).toContainText("It will not be shown again");
  const key = (await shown.getByLabel("API key").textContent())!;
  expect(key).toMatch(/^lk_[\w-]{40,}$/);
  await shown.getByRole("button", { name: "Copy key" }).click();
  await expect(shown.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = page.getByRole("row", { name: /^Till at the bar/ });
  await expect(row).toContainText(`${key.slice(0, 9)}…`);
  await expect(row).toContainText("Olivia Owner");
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  await screenshot(page, "api-keys-created");

  // The key works against the vendor API, and is gone from the page after a reload.
  const headers = { authorization: `Bearer ${key}` };
  const program = await page.request.get("/api/v1/vendor/loyalty/program", { headers });
  expect(program.status()).toBe(200);
  await page.reload();
  expect(await page.content()).not.toContain(key);
  await expect(
    page
      .getByRole("row", { name: /^Till at the bar/ })
      .getByRole("cell")
      .nth(3),
  ).not.toHaveText("Never");

  await page.getByRole("button", { name: "Rename Till at the bar" }).click();
  const newName = page.getByLabel("New name for Till at the bar");
  await expect(newName).toBeFocused();
  await newName.fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(newName).toHaveAccessibleDescription("This field is required.");
  await newName.fill("Till at the counter");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("row", { name: /^Till at the counter/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename Till at the counter" })).toBeFocused();

  await page.getByRole("button", { name: "Revoke Till at the counter" }).click();
  await expect(page.getByText("Revoke Till at the counter? Software using this key is refused within seconds.")).toBeFocused();
  await screenshot(page, "api-keys-revoke-confirm");
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByRole("row", { name: /^Till at the counter/ })).toContainText("Revoked");
  await expect(page.getByRole("button", { name: "Revoke Till at the counter" })).toHaveCount(0);
  await screenshot(page, "api-keys-revoked");

  const refused = await page.request.get("/api/v1/vendor/loyalty/program", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: "UNAUTHENTICATED" });
});

test("a manager cannot open API keys: no link in the navigation, and the page answers 403", async ({ page }) => {
  const merchant = await seedMerchant({ program: "stamps", manager: true });
  await logIn(page, merchant.manager!);

  // Managers do manage staff.
  await page.goto("/dashboard/staff");
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(nav.getByRole("link", { name: "Staff" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "API keys" })).toHaveCount(0);

  const answer = await page.goto("/dashboard/api-keys");
  expect(answer?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You cannot open this page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the dashboard" })).toHaveAttribute("href", "/dashboard");
  await expect(page.getByText("Create a key")).toHaveCount(0);
  await screenshot(page, "forbidden");
});
