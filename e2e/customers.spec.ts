import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./support/demo-credentials";
import { logIn, seedMerchant } from "./support/seed-merchant";
import { screenshot } from "./support/screenshot";

/** "402133770019" → "4021 3377 0019", as the dashboard shows it and a person types it. */
const spaced = (cardNumber: string) => cardNumber.replace(/(\d{4})(?=\d)/g, "$1 ");

async function search(page: Page, text: string) {
  await page.getByRole("searchbox", { name: "Search customers" }).fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
}

test("enroll a customer through the API, find them in Customers, adjust their balance; another merchant gets a 404 for the card", async ({
  page,
  browser,
}) => {
  const merchant = await seedMerchant({ program: "hybrid", store: true, apiKey: true });
  const suffix = randomUUID().slice(0, 8);
  const email = `lea.journey-${suffix}@example.com`;

  const enrolled = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", {
    headers: { authorization: `Bearer ${merchant.apiKey}` },
    data: {
      storeId: merchant.store!.id,
      customer: { name: `Léa Journey ${suffix}`, email, phone: "+352 621 555 123", locale: "fr" },
      emailConsent: true,
    },
  });
  expect(enrolled.status()).toBe(201);
  const { card } = (await enrolled.json()) as { card: { cardNumber: string } };
  const name = `Léa Journey ${suffix}`;

  await logIn(page, merchant.owner);
  await page.goto("/dashboard/customers");
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/1 customer shown/);
  await screenshot(page, "customers-list");

  // By name (accents folded: "lea" finds "Léa"), by email, and by card number typed with spaces.
  await search(page, `lea journ`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await search(page, email.toUpperCase());
  await expect(page.getByRole("link", { name })).toBeVisible();
  await search(page, spaced(card.cardNumber));
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(email);
  await screenshot(page, "customers-search");

  // Filters keep the search: agreed to emails still matches, a reward does not.
  await page.getByRole("checkbox", { name: "Agreed to emails" }).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/consent=1/);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByRole("checkbox", { name: "Reward available" }).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Nothing matches" })).toBeVisible();
  await screenshot(page, "customers-no-match");

  await search(page, "journey");
  await page.getByRole("checkbox", { name: "Reward available" }).uncheck();
  await page.getByRole("checkbox", { name: "Agreed to emails" }).uncheck();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/customers/${card.cardNumber}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const customer = page.getByRole("region", { name: "Customer" });
  await expect(customer).toContainText(email);
  await expect(customer).toContainText("+352621555123");
  await expect(customer).toContainText("French");
  await expect(customer).toContainText("Main street");
  await expect(page.getByRole("region", { name: "Wallet delivery" })).toContainText("No Apple device registered");

  await page.getByRole("spinbutton", { name: "Stamps to add or take away" }).fill("3");
  await page.getByRole("textbox", { name: "Reason" }).fill("Paper card moved over");
  await page.getByRole("button", { name: "Adjust the balance" }).click();
  await expect(page.getByRole("status")).toHaveText("Done. The card now has 3 stamps and 0 points.");
  await expect(page.getByRole("region", { name: "Balances" })).toContainText("3 of 10");
  const row = page.getByRole("row", { name: /Manual adjustment/ });
  await expect(row).toContainText("Paper card moved over");
  await expect(row).toContainText("+3");
  await expect(row).toContainText("Olivia Owner (dashboard)");
  await expect(page.getByRole("textbox", { name: "Reason" })).toHaveValue("");
  await screenshot(page, "customers-card");

  // Taking away more than the card holds: refused, the error next to the field, nothing written.
  const stamps = page.getByRole("spinbutton", { name: "Stamps to add or take away" });
  await stamps.fill("-10");
  await page.getByRole("textbox", { name: "Reason" }).fill("Counted wrong");
  await page.getByRole("button", { name: "Adjust the balance" }).click();
  await expect(stamps).toHaveAttribute("aria-invalid", "true");
  await expect(stamps).toHaveAccessibleDescription(/This would take the balance below zero\./);
  await expect(page.getByRole("region", { name: "Balances" })).toContainText("3 of 10");
  await expect(page.getByRole("row", { name: /Manual adjustment/ })).toHaveCount(1);
  await screenshot(page, "customers-adjust-below-zero");

  // Another merchant, logged in in its own browser: the first merchant's card URL is a 404, its list is empty.
  const intruder = await seedMerchant({ program: "stamps" });
  const context = await browser.newContext();
  const other = await context.newPage();
  await logIn(other, intruder.owner);
  await other.goto("/dashboard/customers");
  await expect(other.getByRole("heading", { name: "No customers yet" })).toBeVisible();
  await screenshot(other, "customers-empty");
  const response = await other.goto(`/dashboard/customers/${card.cardNumber}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("404", { exact: true })).toBeVisible();
  expect(await other.content()).not.toContain(email);
  await screenshot(other, "customers-other-merchant-404");
  await context.close();
});

test("the demo café's customers: pages of 25 newest first, filters, and a card's history from the counter", async ({ page }) => {
  const demo = await demoCredentials();
  await logIn(page, { email: demo.ownerEmail, password: demo.ownerPassword });
  await page.goto("/dashboard/customers");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(26); // the header and 25 customers
  await expect(page.getByRole("status")).toHaveText(/25 customers shown · \d+ cards in all/);
  await screenshot(page, "customers-demo-list");

  const firstOnPage = await rows.nth(1).getByRole("link").textContent();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows.nth(1).getByRole("link")).not.toHaveText(firstOnPage!);
  await page.getByRole("link", { name: "Back to the newest" }).click();
  await expect(rows.nth(1).getByRole("link")).toHaveText(firstOnPage!);

  await page.getByRole("checkbox", { name: "Reward available" }).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const shown = await rows.count();
  for (let i = 1; i < shown; i++) await expect(rows.nth(i)).toContainText("Reward available");

  await page.getByRole("checkbox", { name: "Reward available" }).uncheck();
  await page.getByRole("checkbox", { name: "Inactive for 30 days" }).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/inactive=1/);
  await screenshot(page, "customers-demo-inactive");

  await page.goto("/dashboard/customers");
  await rows.nth(1).getByRole("link").click();
  const history = page.getByRole("region", { name: "History" });
  const stamp = history.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Stamp", exact: true }) });
  await expect(stamp.first()).toContainText("(staff)");
  await screenshot(page, "customers-demo-card");
});
