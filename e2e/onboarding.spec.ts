import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { screenshot } from "./support/screenshot";

/**
 * A café owner alone, from nothing to a first customer: sign up, the guided
 * setup (program, store, staff PIN), the QR poster, an API key, a customer
 * enrolled through the API, found in Customers, their balance adjusted, and
 * the CSV exports checked row by row. Then log out and in through the forms.
 */
test("sign up, set up, see the poster, enroll through the API, find, adjust and export", async ({ page }) => {
  const suffix = randomUUID().slice(0, 8);
  const email = `owner-${suffix}@onboarding.test`;
  const password = "a long enough password";

  await page.goto("/signup");
  await screenshot(page, "signup");
  await page.getByLabel("Business name").fill(`Café Onboarding ${suffix}`);
  await page.getByLabel("Your name").fill("Anne Muller");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 10 characters/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await screenshot(page, "signup-error");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();

  // Guided setup, step 1: the program, with its preview following what is typed.
  await expect(page).toHaveURL(/\/dashboard\/setup$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your loyalty program" })).toBeVisible();
  await screenshot(page, "setup-program");
  await page.getByRole("spinbutton", { name: "Stamps for a reward" }).fill("8");
  await page.getByRole("textbox", { name: "Reward", exact: true }).fill("A free cappuccino");
  await expect(page.getByRole("figure", { name: "Preview of the card" })).toContainText("3 / 8 stamps");
  await expect(page.getByRole("figure", { name: "Preview of the card" })).toContainText("A free cappuccino");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 2: the first store (a missing name is said next to the field).
  await page.getByRole("button", { name: "Create the store" }).click();
  await expect(page.getByLabel("Store name")).toHaveAccessibleDescription("This field is required.");
  await screenshot(page, "setup-store-error");
  await page.getByLabel("Store name").fill("Gare");
  await page.getByRole("button", { name: "Create the store" }).click();

  // Step 3: a staff PIN, shown once.
  await page.getByLabel("Staff member's name").fill("Sam");
  await page.getByRole("button", { name: "Generate" }).click();
  const pin = await page.getByLabel("PIN", { exact: true }).inputValue();
  expect(pin).toMatch(/^\d{4,8}$/);
  await page.getByRole("button", { name: "Create the PIN" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sam can now give stamps" })).toContainText(pin);
  await screenshot(page, "setup-pin");
  await page.getByRole("button", { name: "I noted it, continue" }).click();

  // Step 4: the poster, whose QR opens the store's enrollment page.
  await expect(page.getByRole("heading", { name: "Print your poster" })).toBeVisible();
  const joinUrl = (await page.locator("p.font-mono").textContent())!.trim();
  expect(joinUrl).toMatch(/\/join\/[A-Z0-9]{4,16}$/);
  const poster = page.getByRole("img", { name: /QR poster of Gare/ });
  await expect(poster).toBeVisible();
  await expect.poll(() => poster.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  const png = PNG.sync.read(await (await page.request.get((await poster.getAttribute("src"))!)).body());
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(joinUrl);
  const pdf = await page.request.get((await page.getByRole("link", { name: "Download the PDF (A4)" }).getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await screenshot(page, "setup-poster");

  // The overview before any customer points to the poster.
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText("No members yet.")).toBeVisible();

  // An API key for the till, and a customer enrolled through the API with it.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name").fill("Till");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByRole("region", { name: 'Your new key "Till"' }).getByLabel("API key").textContent())!;
  const program = (await (
    await page.request.get("/api/v1/vendor/loyalty/stores", { headers: { authorization: `Bearer ${key}` } })
  ).json()) as {
    stores: { id: string; name: string }[];
  };
  const store = program.stores.find((candidate) => candidate.name === "Gare")!;
  const customerName = `Léa Kieffer ${suffix}`;
  const customerEmail = `lea-${suffix}@example.com`;
  const enrolled = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", {
    headers: { authorization: `Bearer ${key}` },
    data: { storeId: store.id, customer: { name: customerName, email: customerEmail, locale: "fr" }, emailConsent: true },
  });
  expect(enrolled.status()).toBe(201);
  const { card } = (await enrolled.json()) as { card: { cardNumber: string } };

  // Find them in Customers, open the card, adjust the balance.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Customers" }).click();
  await page.getByRole("searchbox", { name: "Search customers" }).fill(`kieffer ${suffix}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: customerName }).click();
  await expect(page.getByRole("heading", { level: 1, name: customerName })).toBeVisible();
  await page.getByRole("spinbutton", { name: "Stamps to add or take away" }).fill("2");
  await page.getByRole("textbox", { name: "Reason" }).fill("Paper card carried over");
  await page.getByRole("button", { name: "Adjust the balance" }).click();
  await expect(page.getByRole("status")).toHaveText("Done. The card now has 2 stamps.");
  await screenshot(page, "onboarding-card");

  // The overview counts the new member once the statistics worker has caught up (about a second).
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(page.getByRole("definition").filter({ hasText: /^1$/ }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // The chart is drawn in the browser: switch it to 90 days and to new members, where the enrollment shows.
  await page.getByRole("group", { name: "Period" }).getByRole("button", { name: "90 days" }).click();
  await page.getByRole("group", { name: "Measure" }).getByRole("button", { name: "New members" }).click();
  await expect(page.getByRole("button", { name: "New members" })).toHaveAttribute("aria-pressed", "true");
  // Split by store: fetched when chosen (the page carries the totals only), shown in the chart and its table.
  await page.getByLabel("Show").selectOption({ label: "By store" });
  await page.getByText("Show the figures as a table").click();
  const figures = page.getByRole("table", { name: "New members · By store" });
  await expect(figures.getByRole("columnheader", { name: "Gare" })).toBeVisible();
  await expect(figures.getByRole("row").last().getByRole("cell")).toHaveText(["1"]);
  await screenshot(page, "overview");
  // When the figures cannot be loaded, the chart says so and offers to try again.
  await page.route("**/dashboard/activity/staff", (route) => route.fulfill({ status: 500, body: "" }));
  await page.getByLabel("Show").selectOption({ label: "By staff member" });
  const failure = page.getByRole("alert").filter({ hasText: "The figures could not be loaded." });
  await expect(failure).toBeVisible();
  await page.unroute("**/dashboard/activity/staff");
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(failure).toBeHidden();
  await expect(page.getByRole("table", { name: "New members · By staff member" }).getByRole("columnheader")).toHaveText([
    "Day",
    "No staff member (API or dashboard)",
  ]);

  // Exports: the customer with their consent, and today's transactions with the adjustment.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Exports" }).click();
  await screenshot(page, "exports");
  const customersDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download customers (CSV)" }).click();
  const customersCsv = await readFile((await (await customersDownload).path())!, "utf8");
  const customers = parse(customersCsv, { columns: true, bom: true }) as Record<string, string>[];
  expect(customers).toHaveLength(1);
  expect(customers[0]).toMatchObject({
    card_number: card.cardNumber,
    name: customerName,
    email: customerEmail,
    email_consent: "yes",
    stamps: "2",
    enrolled_store: "Gare",
  });
  expect(customers[0]!.email_consent_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  await page.getByLabel("From").fill("2030-01-02");
  await page.getByLabel("To (included)").fill("2030-01-01");
  await page.getByRole("button", { name: "Download transactions (CSV)" }).click();
  await expect(page.getByLabel("To (included)")).toHaveAccessibleDescription("The end date must be on or after the start date.");
  // Yesterday to tomorrow (UTC): today in the merchant's time zone, whatever the hour.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(day(-1));
  await page.getByLabel("To (included)").fill(day(1));
  const transactionsDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download transactions (CSV)" }).click();
  const transactions = parse(await readFile((await (await transactionsDownload).path())!, "utf8"), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  expect(transactions).toEqual([
    expect.objectContaining({
      type: "manual_adjustment",
      card_number: card.cardNumber,
      stamps_delta: "2",
      stamps_after: "2",
      reason: "Paper card carried over",
    }),
  ]);

  // Log out, then back in through the form (a wrong password first).
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login\?notice=loggedOut/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or the password is not right." })).toBeVisible();
  await screenshot(page, "login-error");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // On a phone's width every page fits: nothing wider than the screen (the menu scrolls on its own).
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of [
    "/dashboard",
    "/dashboard/program",
    "/dashboard/stores",
    "/dashboard/staff",
    "/dashboard/customers",
    `/dashboard/customers/${card.cardNumber}`,
    "/dashboard/exports",
    "/dashboard/api-keys",
    "/dashboard/settings",
    "/dashboard/settings/audit",
  ]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
  await screenshot(page, "overview-phone");
});

test("a dashboard page opened without a session goes to the login page and back after logging in", async ({ page }) => {
  await page.goto("/dashboard/exports");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fexports$/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});

/**
 * Before the page's JavaScript runs (here: never), a form handled by it would
 * be sent by the browser itself, as a GET with every field in the address.
 * The buttons stay disabled until then, so Enter does nothing either.
 */
test("without JavaScript the login and sign-up forms cannot be sent, a notice says why, and no password reaches an address", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const sent: string[] = [];
  page.on("request", (request) => sent.push(request.url()));
  for (const [path, button] of [
    ["/login", "Log in"],
    ["/signup", "Create my account"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("status").filter({ hasText: "This site's forms need JavaScript." })).toBeVisible();
    await expect(page.getByRole("button", { name: button })).toBeDisabled();
    await page.getByLabel("Email").fill("owner@no-javascript.test");
    await page.getByLabel("Password").fill("a secret password");
    await page.getByLabel("Password").press("Enter");
    // A submission would start at once; give it time to show, then look.
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
  expect(sent.filter((url) => url.includes("password"))).toEqual([]);
  await context.close();
});
