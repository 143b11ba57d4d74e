import { expect, test, type Page } from "@playwright/test";
import { screenshot } from "./support/screenshot";
import { pairTablet } from "./support/pair-tablet";
import { logIn, seedMerchant } from "./support/seed-merchant";

const SUSPENDED = "This account is suspended: the counter cannot add stamps or points. The owner can contact support.";

type Card = { cardNumber: string; cardUrl: string; stampCount: number };

async function openByNumber(tablet: Page, cardNumber: string): Promise<void> {
  await tablet.getByRole("tab", { name: "Card number" }).click();
  await tablet.getByLabel("Card number (12 digits)").fill(cardNumber);
  await tablet.getByRole("button", { name: "Open the card" }).click();
  await expect(tablet.getByRole("region", { name: "Card" })).toBeVisible();
}

test.describe("admin console", () => {
  test("an admin finds a merchant and suspends it: its counter, dashboard and API key are refused while customers' cards still show; reactivation restores the stamp", async ({
    browser,
    page,
  }) => {
    test.setTimeout(180_000);
    const name = `Suspendable Bakery ${Math.random().toString(36).slice(2, 8)}`;
    const merchant = await seedMerchant({
      name,
      program: "stamps",
      store: true,
      staffPin: "482916",
      manager: true,
      apiKey: true,
      admin: true,
    });
    const headers = { authorization: `Bearer ${merchant.apiKey}` };
    expect(
      (await page.request.patch("/api/v1/vendor/loyalty/program", { headers, data: { cooldownMinutes: 0, maxDailyStamps: 10 } })).ok(),
    ).toBe(true);
    const enrolled = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", {
      headers,
      data: { storeId: merchant.store!.id, customer: { name: "Ada Lovelace" } },
    });
    const card = ((await enrolled.json()) as { card: Card }).card;

    // The counter stamps once: the staff session is open on the tablet.
    const tablet = await pairTablet(browser, merchant);
    await openByNumber(tablet, card.cardNumber);
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await tablet.getByRole("button", { name: "Sam Staff" }).click();
    for (const digit of "482916") await tablet.getByRole("button", { name: digit, exact: true }).click();
    await tablet.getByRole("button", { name: "Unlock" }).click();
    await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 1 of 10." })).toBeVisible();

    // Anonymous: /admin sends to the login page, which brings the admin back.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto("/admin");
    await expect(admin).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
    await admin.getByLabel("Email").fill(merchant.admin!.email);
    await admin.getByLabel("Password").fill(merchant.admin!.password);
    await admin.getByRole("button", { name: "Log in" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Platform overview" })).toBeVisible();
    await expect(admin.getByText("Merchants", { exact: true }).first()).toBeVisible();
    await expect(admin.getByRole("button", { name: "Stamps" })).toBeVisible(); // the chart, drawn in the browser
    await screenshot(admin, "admin-overview");

    // Find the merchant by search and open it.
    await admin.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Merchants" }).click();
    await admin.getByLabel("Name or owner's email").fill(name.toLowerCase()); // any case
    await admin.getByRole("button", { name: "Search" }).click();
    const rows = admin.getByRole("table", { name: "Merchants, newest first" }).getByRole("row");
    await expect(rows).toHaveCount(2); // the header and our merchant
    await expect(rows.nth(1)).toContainText("Stamp card");
    await expect(rows.nth(1)).toContainText("Active");
    await screenshot(admin, "admin-merchants-search");
    await admin.getByRole("link", { name }).click();
    await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(admin.getByRole("region", { name: "Program" })).toContainText("Coffee card");
    await expect(admin.getByRole("region", { name: "Stores" })).toContainText("Main street");
    await expect(admin.getByRole("region", { name: "Latest activity" })).toContainText("1 stamp added");
    await screenshot(admin, "admin-merchant");

    // A suspension needs a reason.
    await admin.getByRole("button", { name: "Suspend this merchant" }).click();
    await expect(admin.getByText("Say why, in a few words.").or(admin.getByText("This field is required."))).toBeVisible();
    await admin.getByLabel("Reason for the suspension").fill("Unpaid invoice since March");
    await admin.getByRole("button", { name: "Suspend this merchant" }).click();
    const status = admin.getByRole("region", { name: "Status" });
    await expect(status.getByText("Suspended", { exact: true })).toBeVisible();
    await expect(status).toContainText("Unpaid invoice since March");
    await expect(admin.getByRole("button", { name: "Reactivate this merchant" })).toBeVisible();
    await screenshot(admin, "admin-merchant-suspended");

    // The paired counter: the next stamp is refused with the suspended message.
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    await expect(tablet.getByRole("alert").filter({ hasText: SUSPENDED })).toBeVisible();
    await screenshot(tablet, "admin-counter-suspended");
    // The API key too.
    const refused = await page.request.post("/api/v1/vendor/loyalty/cards/lookup", { headers, data: { cardNumber: card.cardNumber } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "MERCHANT_SUSPENDED" });

    // The owner's dashboard is read-only, with the banner.
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await logIn(owner, merchant.owner);
    await owner.goto("/dashboard/program");
    await expect(owner.getByRole("alert").filter({ hasText: "This account is suspended." })).toBeVisible();
    await screenshot(owner, "admin-dashboard-suspended");

    // The customer's card still shows.
    const customer = await browser.newPage();
    await customer.goto(card.cardUrl);
    await expect(customer.getByRole("heading", { level: 1, name: "Coffee card" })).toBeVisible();
    await expect(customer.getByText("1 of 10 stamps", { exact: true })).toBeVisible();
    await screenshot(customer, "admin-customer-card-while-suspended");
    await customer.close();

    // A merchant user opening /admin is refused.
    const forbidden = await owner.goto("/admin");
    expect(forbidden?.status()).toBe(403);
    await expect(owner.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    await screenshot(owner, "admin-forbidden");
    await ownerContext.close();

    // Reactivation, with a reason: the counter stamps again.
    await admin.getByLabel("Reason for reactivating").fill("Invoice paid");
    await admin.getByRole("button", { name: "Reactivate this merchant" }).click();
    await expect(status.getByText("Active", { exact: true })).toBeVisible();
    await tablet.getByRole("button", { name: "Add a stamp" }).click();
    const staffTile = tablet.getByRole("button", { name: "Sam Staff" });
    // The suspension may have ended the staff session: a PIN again if asked.
    if (await staffTile.isVisible().catch(() => false)) {
      await staffTile.click();
      for (const digit of "482916") await tablet.getByRole("button", { name: digit, exact: true }).click();
      await tablet.getByRole("button", { name: "Unlock" }).click();
    }
    await expect(tablet.getByRole("status").filter({ hasText: "Stamp added: 2 of 10." })).toBeVisible();

    // The platform audit log has both, with their reasons, filtered by this merchant.
    await admin.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Audit log" }).click();
    await admin.getByLabel("Merchant").selectOption({ label: name });
    await admin.getByLabel("Who").selectOption({ label: "Platform admins" });
    await admin.getByRole("button", { name: "Show" }).click();
    const entries = admin.getByRole("table", { name: "Audit log entries of the platform, newest first" });
    await expect(entries.getByRole("row")).toHaveCount(3);
    await expect(entries.getByRole("row", { name: /Reactivated the business/ })).toContainText("Invoice paid");
    await expect(entries.getByRole("row", { name: /Suspended the business/ })).toContainText("Unpaid invoice since March");
    await expect(entries).toContainText("Ada Admin");
    await screenshot(admin, "admin-audit");
    await adminContext.close();
    await tablet.context().close();
  });

  test("deliveries in trouble: an admin retries a dead email and discards a failing wallet update", async ({ page }) => {
    const name = `Outbox Café ${Math.random().toString(36).slice(2, 8)}`;
    const merchant = await seedMerchant({ name, admin: true, troubledDeliveries: true });
    await logIn(page, merchant.admin!);
    await page.goto("/admin");
    await expect(page.getByRole("status").filter({ hasText: /Deliveries in trouble/ })).toBeVisible();
    await page.getByRole("link", { name: "Open the deliveries" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Deliveries" })).toBeVisible();
    const table = page.getByRole("table", { name: "Failing and given-up deliveries" });
    const mail = table.getByRole("row").filter({ hasText: name }).filter({ hasText: "Email" });
    const wallet = table.getByRole("row").filter({ hasText: name }).filter({ hasText: "Wallet pass update" });
    await expect(mail).toContainText("Given up");
    await expect(mail).toContainText("550 5.1.1 mailbox unavailable");
    await expect(wallet).toContainText("Failing, retried");
    await expect(wallet).toContainText("Google Wallet answered 503");
    await screenshot(page, "admin-outbox");

    await wallet.getByRole("button", { name: /^Discard/ }).click();
    await expect(wallet).toHaveCount(0);
    await mail.getByRole("button", { name: /^Retry/ }).click();
    await expect(mail).toHaveCount(0);

    await page.goto("/admin/audit?action=outbox");
    const entries = page.getByRole("table", { name: "Audit log entries of the platform, newest first" });
    await expect(entries.getByRole("row").filter({ hasText: name }).filter({ hasText: "Retried a delivery" })).toHaveCount(1);
    await expect(entries.getByRole("row").filter({ hasText: name }).filter({ hasText: "Discarded a delivery" })).toHaveCount(1);
  });

  test("recurring jobs: an admin sees each job's schedule and last run, a failed run's error, and filters the runs by outcome", async ({
    page,
  }) => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const name = `Jobs Bistro ${suffix}`;
    const error = `deadlock detected while expiring points (journey ${suffix})`;
    const merchant = await seedMerchant({ name, admin: true, failedJobRun: error });
    await logIn(page, merchant.admin!);
    await page.goto("/admin");
    const warning = page.getByRole("status").filter({ hasText: /failed .*in the last 24 hours/ });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("link", { name: "Open the jobs" })).toHaveAttribute("href", "/admin/jobs");

    await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Jobs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
    const jobs = page.getByRole("table", { name: "Scheduled jobs and their last run" });
    await expect(jobs.getByRole("row")).toHaveCount(5); // the header and the four jobs
    await expect(jobs.getByRole("row", { name: /Wallet passes sync/ })).toContainText("Every hour");
    const expiry = jobs.getByRole("row", { name: /Points expiry/ });
    await expect(expiry).toContainText("Every day at 02:00 in each merchant's time zone");
    await expect(expiry).toContainText("Failed");
    await expect(expiry).toContainText(error);
    await expect(jobs.getByRole("row", { name: /Birthday rewards/ })).toContainText("Every day at 09:00 in each merchant's time zone");
    // The cleanup ran when the app started (with nothing old enough yet), or again at an hour's turn during the run.
    const cleanup = jobs.getByRole("row", { name: /Old records cleanup/ });
    await expect(cleanup).toContainText("Every hour");
    await expect(cleanup).toContainText("Succeeded");
    await expect(cleanup).toContainText(/Nothing to do|rate-limit counters?|idempotency keys?|delivered events?|job runs?/);
    const runs = page.getByRole("table", { name: "Recent job runs, newest first" });
    const seeded = runs.getByRole("row").filter({ hasText: name });
    await expect(seeded).toContainText("Points expiry");
    await expect(seeded).toContainText("Failed");
    await expect(seeded).toContainText(error);
    await screenshot(page, "admin-jobs");

    // Only failures: the seeded run stays, nothing that succeeded or still runs.
    await page.getByLabel("Outcome").selectOption({ label: "Failed" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(seeded).toContainText(error);
    const rows = runs.getByRole("rowgroup").last().getByRole("row");
    const count = await rows.count();
    for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText("Failed");
    await seeded.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  });

  test("merchant users get 403 from the admin console and the admin API; anonymous API calls get 401", async ({ page, playwright }) => {
    const merchant = await seedMerchant({ manager: true });
    await logIn(page, merchant.manager!);
    const response = await page.goto("/admin/merchants");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    const api = await page.request.get("/api/v1/admin/loyalty/stats");
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ code: "FORBIDDEN" });
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const refused = await anonymous.get("/api/v1/admin/loyalty/programs");
    expect(refused.status()).toBe(401);
    await anonymous.dispose();
  });
});
