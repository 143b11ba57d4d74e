import { expect, test, type Page } from "@playwright/test";
import { linkInEmail } from "./support/mail";
import { screenshot } from "./support/screenshot";
import { logIn, seedMerchant } from "./support/seed-merchant";

async function logInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test.describe("the settings page", () => {
  test("the owner changes the settings, invites a manager who joins with limited rights, reads the audit log and removes the manager", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const merchant = await seedMerchant({ program: "stamps", store: true });
    const suffix = merchant.merchantId.slice(-6);
    const newName = `Café Lumière ${suffix}`;
    const managerEmail = `max-${suffix}@e2e.test`;
    await logIn(page, merchant.owner);

    // Settings: name, time zone, default language.
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Luxembourg");
    await expect(page.getByText("A change applies from now on")).toBeVisible();
    await expect(page.getByText("when a customer's own language is unknown")).toBeVisible();
    await screenshot(page, "settings-page");

    await page.getByLabel("Business name").fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator("#field-name-error")).toHaveText("This field is required.");

    await page.getByLabel("Business name").fill(newName);
    await page.getByLabel("Time zone").selectOption("America/New_York");
    await page.getByLabel("Default language").selectOption("fr");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    // The header shows the new name, and the values are there after a reload.
    await expect(page.getByRole("complementary").getByRole("link", { name: newName })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Business name")).toHaveValue(newName);
    await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
    await expect(page.getByLabel("Default language")).toHaveValue("fr");

    // Invite a manager: errors next to the field, then the invitation.
    const email = page.getByLabel("Their email");
    const send = page.getByRole("button", { name: "Send invitation" });
    await email.fill("not an email");
    await send.click();
    await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address.");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await email.fill(merchant.owner.email);
    await send.click();
    await expect(page.locator("#field-email-error")).toHaveText("This email already has an account.");
    await email.fill(managerEmail);
    await send.click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${managerEmail}.` })).toBeVisible();
    await expect(email).toHaveValue("");
    const invitations = page.getByRole("table", { name: "Invitations not accepted yet" });
    await expect(invitations.getByRole("rowheader", { name: managerEmail })).toBeVisible();
    await email.fill(managerEmail);
    await send.click();
    await expect(page.locator("#field-email-error")).toHaveText(/already waiting/);
    await expect(email).toHaveValue(managerEmail);
    await screenshot(page, "settings-invitation-pending");

    // The invitation email goes through the outbox worker to the mail transport; the manager accepts it elsewhere.
    const link = await linkInEmail(managerEmail, "invite");
    const managerContext = await browser.newContext();
    const managerPage = await managerContext.newPage();
    await managerPage.goto(link);
    await expect(managerPage.getByRole("heading", { level: 1 })).toHaveText(`Join ${newName}`);
    await screenshot(managerPage, "invite-accept");
    await managerPage.getByLabel("Your name").fill("Max Manager");
    await managerPage.getByLabel("Password").fill("a long manager password");
    await managerPage.getByRole("button", { name: "Join" }).click();
    await expect(managerPage).toHaveURL(/\/login\?notice=joined/);

    // The manager logs in through the form: no Settings or API keys, and the owner's pages answer 403.
    await logInThroughForm(managerPage, managerEmail, "a long manager password");
    const managerNav = managerPage.getByRole("navigation", { name: "Dashboard" });
    await expect(managerNav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(managerNav.getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(managerNav.getByRole("link", { name: "API keys" })).toHaveCount(0);
    expect((await managerPage.goto("/dashboard/settings"))?.status()).toBe(403);
    expect((await managerPage.goto("/dashboard/settings/audit"))?.status()).toBe(403);

    // Back as the owner: the manager is in the team, the invitation is gone.
    await page.reload();
    const team = page.getByRole("table", { name: "People who can log in to this dashboard" });
    const managerRow = team.getByRole("row").filter({ hasText: managerEmail });
    await expect(managerRow.getByRole("rowheader")).toHaveText("Max Manager");
    await expect(managerRow).toContainText("Manager");
    await expect(managerRow).not.toContainText("Never");
    await expect(page.getByText("No invitations waiting for an answer.")).toBeVisible();
    await screenshot(page, "settings-team");

    // The audit log: settings change, invitation, manager joined; then filtered.
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByText("(America/New_York)")).toBeVisible();
    const entries = page.getByRole("table", { name: "Audit log entries, newest first" });
    const settingsRow = entries.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Changed the business settings" }) });
    await expect(settingsRow).toContainText("Olivia Owner");
    await expect(settingsRow).toContainText("Europe/Luxembourg");
    await expect(settingsRow).toContainText("America/New_York");
    await expect(settingsRow).toContainText("Français");
    await expect(entries.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Invited a manager" }) })).toContainText(
      managerEmail,
    );
    await expect(entries.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Joined as a manager" }) })).toContainText(
      "Max Manager",
    );
    await screenshot(page, "settings-audit-log");

    await page.getByLabel("What", { exact: true }).selectOption("manager");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/action=manager/);
    await expect(entries.getByRole("rowheader")).toHaveText(["Joined as a manager", "Invited a manager"]);
    await page.getByLabel("What", { exact: true }).selectOption("");
    await page.getByLabel("Who", { exact: true }).selectOption({ label: `Max Manager (${managerEmail})` });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(entries.getByRole("rowheader")).toHaveText(["Joined as a manager"]);
    await screenshot(page, "settings-audit-log-filtered");
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(entries.getByRole("rowheader", { name: "Created the account" })).toBeVisible();

    // Remove the manager, after confirming: their session ends at once.
    await page.getByRole("link", { name: "Back to settings" }).click();
    await team.getByRole("button", { name: "Remove Max Manager" }).click();
    const confirm = page.getByRole("group", { name: /Remove Max Manager\?/ });
    await expect(confirm.getByRole("button", { name: "Yes, remove" })).toBeFocused();
    await screenshot(page, "settings-remove-confirmation");
    await confirm.getByRole("button", { name: "Yes, remove" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Max Manager was removed and logged out." })).toBeVisible();
    await expect(team.getByRole("row").filter({ hasText: managerEmail })).toHaveCount(0);

    await managerPage.goto("/dashboard");
    await expect(managerPage).toHaveURL(/\/login/);
    await managerContext.close();
  });
});
