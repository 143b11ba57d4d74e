import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { emailsTo } from "./support/mail";
import { screenshot } from "./support/screenshot";
import { logIn, seedMerchant, type SeededMerchant } from "./support/seed-merchant";

// #6: the customer's side, on a phone.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
test.use(PHONE);

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL: test.info().project.use.baseURL, locale: "en-GB" });
  return context.newPage();
}

/** The text the QR code on the page encodes, read from its pixels as a scanner would. */
/** The server action POSTs a page sends to card pages (the "remember this card" action), as they happen. */
function rememberActionPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && /\/card\//.test(request.url())) posts.push(request.url());
  });
  return posts;
}

async function decodeQr(page: Page): Promise<string | null> {
  const image = PNG.sync.read(await page.getByRole("img", { name: "Your card's QR code" }).screenshot());
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

async function stats(page: Page, merchant: SeededMerchant) {
  const response = await page.request.get("/api/v1/vendor/loyalty/stats", { headers: { authorization: `Bearer ${merchant.apiKey}` } });
  const { asOf: _asOf, ...figures } = (await response.json()) as Record<string, unknown>;
  return figures;
}

test("enroll from a store's QR page, hold the card, get it back on a new phone, export, unsubscribe and erase", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = randomUUID().slice(0, 8);
  const merchant = await seedMerchant({ name: `Café Lumière ${suffix}`, program: "stamps", store: true, staffPin: "2468", apiKey: true });
  const storeCode = merchant.store!.code;
  const email = `lea-${suffix}@example.com`;

  // The store's QR page: branding, the offer, a short form with the consent box unticked.
  await page.goto(`/join/${storeCode}`);
  await expect(page.getByRole("heading", { level: 1, name: "Coffee card" })).toBeVisible();
  await expect(page.getByText("Collect 10 stamps and get A free coffee.")).toBeVisible();
  const consent = page.getByRole("checkbox", { name: /may send me news and offers by email/ });
  await expect(consent).not.toBeChecked();
  await expect(page.getByRole("link", { name: "Privacy notice" }).first()).toHaveAttribute("href", `/join/${storeCode}/privacy`);
  await screenshot(page, "enrollment-join");

  // An invalid email and phone are answered next to their fields.
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Phone").fill("call me");
  await page.getByRole("button", { name: "Get my card" }).click();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByLabel("Phone")).toHaveAccessibleDescription(/Enter a phone number/);
  await screenshot(page, "enrollment-join-errors");

  await page.getByLabel("First name").fill("Léa");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Phone").fill("+352 621 555 123");
  await consent.check();
  // Enrolling already remembered the card on this phone: the card page has nothing to tell the server.
  const actionPosts = rememberActionPosts(page);
  await page.getByRole("button", { name: "Get my card" }).click();
  await expect(page).toHaveURL(/\/card\/[\w-]{20,}$/);
  const cardUrl = page.url();
  await expect(page.getByRole("heading", { name: "Show this at the counter" })).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(actionPosts).toEqual([]);
  await expect(page.getByText("0 of 10 stamps")).toBeVisible();
  await expect(page.getByText("10 more stamps to A free coffee.")).toBeVisible();

  // The QR on the page decodes to the card's payload (as the vendor API knows it).
  const lookup = await page.request.get(`/api/v1/vendor/loyalty/cards?query=${encodeURIComponent(email)}`, {
    headers: { authorization: `Bearer ${merchant.apiKey}` },
  });
  const { cards } = (await lookup.json()) as { cards: { qrCode: string; cardNumber: string; cardUrl: string }[] };
  expect(cards).toHaveLength(1);
  expect(cards[0]!.cardUrl).toBe(cardUrl);
  expect(await decodeQr(page)).toBe(cards[0]!.qrCode);
  // Journeys run with Apple Wallet on (dev certificates, playwright.config.ts) and Google Wallet off.
  await expect(page.getByRole("link", { name: /Add to Apple Wallet/ })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /Add to Google Wallet/ })).toHaveCount(0);
  await screenshot(page, "enrollment-card");

  // A stamp at the counter shows in the history.
  const stamped = await page.request.post("/api/v1/vendor/loyalty/stamp", {
    headers: { authorization: `Bearer ${merchant.apiKey}` },
    data: { qrCode: cards[0]!.qrCode, storeId: merchant.store!.id, staffPin: "2468" },
  });
  expect(stamped.status()).toBe(200);
  await page.reload();
  await expect(page.getByText("1 of 10 stamps")).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent history" }).getByText("Stamp", { exact: true })).toBeVisible();

  // Back on the store's page, this phone holds a card here: "Collect a stamp here" comes first.
  await page.goto(`/join/${storeCode}`);
  await expect(page.getByRole("link", { name: "Collect a stamp here" })).toHaveAttribute("href", `/join/${storeCode}/collect`);
  await expect(page.getByRole("link", { name: "Open my card" })).toHaveAttribute("href", new URL(cardUrl).pathname);
  await screenshot(page, "enrollment-join-held");

  // Someone else enrolls with the same email: the card is not shown, its link is emailed.
  const stranger = await phone(browser);
  await stranger.goto(`/join/${storeCode}`);
  await stranger.getByLabel("Email", { exact: true }).fill(email.toUpperCase());
  await stranger.getByRole("button", { name: "Get my card" }).click();
  await expect(stranger.getByRole("status").filter({ hasText: "We sent the link to that card to the address." })).toBeVisible();
  await expect(stranger).toHaveURL(new RegExp(`/join/${storeCode}$`));
  await screenshot(stranger, "enrollment-emailed");
  // The first email is the welcome of the enrollment with consent; the second carries the card's link.
  const [welcomeMail, cardLinkMail] = await emailsTo(email, 2);
  expect(welcomeMail!.subject).toBe(`Welcome to Café Lumière ${suffix}`);
  expect(cardLinkMail!.subject).toBe(`Your Café Lumière ${suffix} card`);
  expect(cardLinkMail!.text).toContain(cardUrl);
  expect(cardLinkMail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  expect(cardLinkMail!.headers["list-unsubscribe"]).toMatch(/^<https?:\/\/[^>]+\/api\/v1\/loyalty\/unsubscribe\/[\w-]{60,}>$/);

  // The emailed link opened on another phone: the card page remembers the card there, once (a server action), not
  // again when the page is reloaded, and the store's page then offers "Collect a stamp here" on that phone too.
  const linkPhone = await phone(browser);
  const linkPhonePosts = rememberActionPosts(linkPhone);
  const remembered = linkPhone.waitForResponse((response) => response.request().method() === "POST" && response.url() === cardUrl);
  await linkPhone.goto(cardUrl);
  await expect(linkPhone.getByText("1 of 10 stamps")).toBeVisible();
  expect((await remembered).status()).toBe(200);
  await linkPhone.reload();
  await expect(linkPhone.getByText("1 of 10 stamps")).toBeVisible();
  await linkPhone.waitForTimeout(1_000);
  expect(linkPhonePosts).toEqual([cardUrl]);
  await linkPhone.goto(`/join/${storeCode}`);
  await expect(linkPhone.getByRole("link", { name: "Collect a stamp here" })).toBeVisible();
  await linkPhone.context().close();

  // A new phone: "I already have a card", a code by email, the same card with its history.
  await stranger.context().clearCookies();
  await stranger.goto(`/join/${storeCode}`);
  await stranger.getByRole("link", { name: "I already have a card" }).click();
  await expect(stranger.getByRole("heading", { level: 1, name: "I already have a card" })).toBeVisible();
  await stranger.getByLabel("Email", { exact: true }).fill("nobody-has-this@example.com");
  await stranger.getByRole("button", { name: "Send me a code" }).click();
  const sent = stranger.getByRole("status").filter({ hasText: "a code is on its way" });
  await expect(sent).toBeVisible();
  await stranger.goto(`/join/${storeCode}/recover`);
  await stranger.getByLabel("Email", { exact: true }).fill(email);
  await stranger.getByRole("button", { name: "Send me a code" }).click();
  await expect(sent).toBeVisible();
  const codeMail = (await emailsTo(email, 3)).at(-1)!;
  const code = /^(\d{6}) is your /.exec(codeMail.subject)?.[1];
  expect(code).toBeDefined();
  expect(codeMail.headers["list-unsubscribe"]).toBeDefined();
  const wrong = code === "000000" ? "111111" : "000000";
  await stranger.getByLabel("Six-digit code").fill(wrong);
  await stranger.getByRole("button", { name: "Open my card" }).click();
  await expect(stranger.getByLabel("Six-digit code")).toHaveAccessibleDescription(/not right or has expired/);
  await screenshot(stranger, "enrollment-recover-code");
  await stranger.getByLabel("Six-digit code").fill(code!);
  await stranger.getByRole("button", { name: "Open my card" }).click();
  await expect(stranger).toHaveURL(cardUrl);
  await expect(stranger.getByText("1 of 10 stamps")).toBeVisible();
  await stranger.context().close();

  // Export: a JSON download with everything about Léa at this merchant.
  await page.goto(cardUrl);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^my-data-${cards[0]!.cardNumber}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")) as {
    merchant: string;
    customer: { name: string; email: string; phone: string };
    emailConsent: { given: boolean; at: string; textVersion: string };
    card: { cardNumber: string; stampCount: number };
    history: { type: string; stampsDelta: number }[];
    wallets: { appleDevices: number };
  };
  expect(exported.merchant).toBe(`Café Lumière ${suffix}`);
  expect(exported.customer).toMatchObject({ name: "Léa", email, phone: "+352621555123" });
  expect(exported.emailConsent).toMatchObject({ given: true, textVersion: "2026-01" });
  expect(exported.card).toMatchObject({ cardNumber: cards[0]!.cardNumber, stampCount: 1 });
  expect(exported.history).toEqual([expect.objectContaining({ type: "stamp_earned", stampsDelta: 1 })]);
  expect(exported.wallets.appleDevices).toBe(0);

  // Unsubscribe from the email's link, without logging in: a confirm button, then consent is withdrawn.
  const unsubscribeLink = /https?:\/\/\S+\/unsubscribe\/[\w-]{60,}/.exec(cardLinkMail!.text)![0];
  const reader = await phone(browser);
  await reader.goto(unsubscribeLink);
  await expect(reader.getByText(`Stop news and offers by email from Café Lumière ${suffix}?`)).toBeVisible();
  await reader.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(reader.getByRole("status")).toHaveText(`Done: Café Lumière ${suffix} will not send you news or offers any more.`);
  await screenshot(reader, "enrollment-unsubscribed");
  // The one-click POST of the header (RFC 8058) answers 200 too; a forged token does not work.
  const oneClick = cardLinkMail!.headers["list-unsubscribe"]!.slice(1, -1);
  expect((await reader.request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(200);
  expect((await reader.request.post(`${oneClick.slice(0, -3)}AAA`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);
  await reader.context().close();
  await page.reload();
  await expect(page.getByText("You get no news or offers by email.")).toBeVisible();
  // And given again from the card.
  await page.getByRole("button", { name: "Send me news and offers" }).click();
  await expect(page.getByText(/You agreed to news and offers by email/)).toBeVisible();

  // Before erasing: the merchant's dashboard and totals.
  const dashboard = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await logIn(dashboard, merchant.owner);
  await expect.poll(async () => (await stats(dashboard, merchant)).members).toBe(1);
  await expect.poll(async () => ((await stats(dashboard, merchant)).stampsIssued as { last30Days: number }).last30Days).toBe(1);
  const totalsBefore = await stats(dashboard, merchant);

  // Erase: an inline confirmation, then the card page says the card was erased.
  await page.getByRole("button", { name: "Erase my data" }).click();
  await page.getByRole("checkbox", { name: "Yes, erase my personal data for good." }).check();
  await screenshot(page, "enrollment-erase-confirm");
  await page.getByRole("button", { name: "Erase now" }).click();
  await expect(page.getByRole("heading", { name: "This card was erased" })).toBeVisible();
  await screenshot(page, "enrollment-erased");
  // This phone no longer holds the card.
  await page.goto(`/join/${storeCode}`);
  await expect(page.getByRole("link", { name: "Collect a stamp here" })).toHaveCount(0);

  // The dashboard shows the customer anonymized, the card and its balance kept; totals unchanged.
  await dashboard.goto("/dashboard/customers");
  await expect(dashboard.getByRole("link", { name: "Erased customer" })).toBeVisible();
  await expect(dashboard.getByText("Léa")).toHaveCount(0);
  await dashboard.getByRole("link", { name: "Erased customer" }).click();
  await expect(dashboard.getByText(/personal data was erased on/)).toBeVisible();
  await expect(dashboard.getByText(email)).toHaveCount(0);
  await screenshot(dashboard, "enrollment-dashboard-erased");
  expect(await stats(dashboard, merchant)).toEqual(totalsBefore);
});

test("the public API serves the same flow as JSON", async ({ request }) => {
  const merchant = await seedMerchant({ name: `Bakery ${randomUUID().slice(0, 8)}`, program: "hybrid", store: true });
  const storeCode = merchant.store!.code;
  const program = await request.get(`/api/v1/loyalty/programs/${storeCode.toLowerCase()}`);
  expect(program.status()).toBe(200);
  expect(await program.json()).toMatchObject({
    store: { code: storeCode, name: "Main street" },
    program: { cardName: "Coffee card", loyaltyType: "hybrid", stampsTarget: 10 },
    acceptingEnrollments: true,
    emailConsentVersion: "2026-01",
  });
  expect((await request.get("/api/v1/loyalty/programs/NOSUCHSTORE1")).status()).toBe(404);

  const email = `api-${randomUUID().slice(0, 8)}@example.com`;
  const created = await request.post("/api/v1/loyalty/enroll", {
    data: { storeCode, customer: { name: "Max", email }, emailConsent: true },
  });
  expect(created.status()).toBe(201);
  const { card } = (await created.json()) as { card: { cardUrl: string; customer: { email: string } } };
  expect(card.customer.email).toBe(email);
  expect(card.cardUrl).toMatch(/\/card\/[\w-]{20,}$/);

  const again = await request.post("/api/v1/loyalty/enroll", { data: { storeCode, customer: { email } } });
  expect(again.status()).toBe(202);
  expect(JSON.stringify(await again.json())).not.toContain(card.cardUrl);

  const invalid = await request.post("/api/v1/loyalty/enroll", { data: { storeCode, customer: { email: "nope", phone: "x" } } });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({
    code: "VALIDATION_FAILED",
    errors: { "customer.email": expect.any(Array), "customer.phone": expect.any(Array) },
  });
});
