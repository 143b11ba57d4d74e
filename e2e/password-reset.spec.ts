import { expect, test } from "@playwright/test";
import { linkInEmail } from "./support/mail";
import { screenshot } from "./support/screenshot";
import { seedMerchant } from "./support/seed-merchant";

test("an owner who forgot the password gets a link by email, chooses a new one, and the link then stops working", async ({ page }) => {
  test.setTimeout(90_000);
  const merchant = await seedMerchant({ program: "stamps" });
  const newPassword = "a brand new long password";

  await page.goto("/login");
  await screenshot(page, "login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();

  // An address without an account gets the same answer (nothing tells a stranger who has an account).
  await page.getByLabel("Email").fill("nobody-here@e2e.test");
  await page.getByRole("button", { name: "Send me a link" }).click();
  const sent = page.getByRole("status").filter({ hasText: "If this email has an account, a link is on its way." });
  await expect(sent).toBeVisible();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(merchant.owner.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(sent).toBeVisible();
  await screenshot(page, "forgot-password-sent");

  const link = await linkInEmail(merchant.owner.email, "reset-password");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  // Too short: the error is next to the field, and nothing changes.
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(/10/);
  await screenshot(page, "reset-password-error");
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=passwordChanged/);
  await expect(page.getByText("Your password was changed: log in with it.")).toBeVisible();

  // The old password no longer works; the new one does.
  await page.getByLabel("Email").fill(merchant.owner.email);
  await page.getByLabel("Password").fill(merchant.owner.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or the password is not right." })).toBeVisible();
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // The link was used: opening it again says so and offers a new one.
  await page.goto(link);
  await expect(page.getByText("This link is not valid any more: it was used, or it expired.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  await screenshot(page, "reset-password-used");
});
