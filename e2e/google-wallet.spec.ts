import { verify } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freePort } from "@/test/free-port";
import { decodeJwt, FakeGoogleWallet, testServiceAccount } from "./fakes/fake-google-wallet";
import { startApp, type AppProcess } from "./support/app-process";
import { screenshot } from "./support/screenshot";
import { seedMerchant } from "./support/seed-merchant";

const ISSUER = "3388000000099887766";

// #8: with Google Wallet configured (a key pair made for this run, Google's API at a local fake), the web card's
// "Add to Google Wallet" inserts the card's loyalty object and leads to Google's save page with a JWT naming it.
// This app runs beside the journeys' own (which has no wallet configured) on the same database.
test.describe("Google Wallet", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });

  const account = testServiceAccount();
  const fake = new FakeGoogleWallet(account.publicKey);
  let app: AppProcess;

  test.beforeAll(async () => {
    await fake.start();
    app = await startApp(
      {
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        LOYALTY_DATA_DIR: "test-results/e2e-data",
        LOYALTY_GOOGLE_ISSUER_ID: ISSUER,
        LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON: account.text,
        LOYALTY_GOOGLE_API_ROOT: fake.url,
      },
      await freePort(),
    );
  });
  test.afterAll(async () => {
    await app?.stop();
    await fake.stop();
  });

  test("the card page's \"Add to Google Wallet\" leads to a save URL whose JWT names this card's object", async ({ page }) => {
    expect(app.output()).not.toContain("Google Wallet is disabled");
    const merchant = await seedMerchant({ program: "stamps", store: true });
    const enrolled = await fetch(`${app.url}/api/v1/loyalty/enroll`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ storeCode: merchant.store!.code, customer: { name: "Léa Schmit" } }),
    });
    expect(enrolled.status).toBe(201);
    const { card } = (await enrolled.json()) as { card: { id: string; qrCode: string; cardUrl: string } };
    expect(card.cardUrl.startsWith(app.url)).toBe(true);

    // Google's save page is out of reach here: the browser is answered locally when it gets there.
    await page.route("https://pay.google.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<h1>Saved to Google Wallet</h1>" }),
    );
    await page.goto(card.cardUrl);
    const button = page.getByRole("link", { name: "Add to Google Wallet" });
    await expect(button).toBeVisible();
    await screenshot(page, "google-wallet-card");
    await button.click();
    await expect(page.getByRole("heading", { name: "Saved to Google Wallet" })).toBeVisible();

    const saveUrl = page.url();
    expect(saveUrl).toMatch(/^https:\/\/pay\.google\.com\/gp\/v\/save\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const jwt = saveUrl.slice("https://pay.google.com/gp/v/save/".length);
    const [head, claims, signature] = jwt.split(".");
    expect(verify("RSA-SHA256", Buffer.from(`${head}.${claims}`), account.publicKey, Buffer.from(signature!, "base64url"))).toBe(true);
    const objectId = `${ISSUER}.card-${card.id}`;
    expect(decodeJwt(jwt).claims).toMatchObject({
      iss: account.json.client_email,
      aud: "google",
      typ: "savetowallet",
      origins: [app.url],
      payload: { loyaltyObjects: [{ id: objectId, classId: expect.stringMatching(new RegExp(`^${ISSUER}\\.program-`)) }] },
    });

    // The object Google holds is this card: its QR code and balance.
    expect(fake.objects.get(objectId)).toMatchObject({
      barcode: { type: "QR_CODE", value: card.qrCode },
      accountName: "Léa Schmit",
      loyaltyPoints: { balance: { int: 0 } },
    });
  });

  test("malformed credentials: a clear message at start, no button, and the link answers 404", async ({ page }) => {
    const broken = await startApp(
      {
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        LOYALTY_DATA_DIR: "test-results/e2e-data",
        LOYALTY_WORKER_IN_PROCESS: "false",
        LOYALTY_GOOGLE_ISSUER_ID: ISSUER,
        LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON: '{"client_email": "wallet@example.iam.gserviceaccount.com", "private_key": "none"',
        LOYALTY_GOOGLE_API_ROOT: fake.url,
      },
      await freePort(),
    );
    try {
      expect(broken.output()).toContain("Google Wallet is disabled: its configuration is invalid.");
      expect(broken.output()).toContain("LOYALTY_GOOGLE_SERVICE_ACCOUNT_JSON: not valid JSON");
      const merchant = await seedMerchant({ program: "stamps", store: true });
      const enrolled = await fetch(`${broken.url}/api/v1/loyalty/enroll`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ storeCode: merchant.store!.code }),
      });
      const { card } = (await enrolled.json()) as { card: { cardUrl: string } };
      await page.goto(card.cardUrl);
      await expect(page.getByRole("heading", { name: "Show this at the counter" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Add to Google Wallet" })).toHaveCount(0);
      const token = new URL(card.cardUrl).pathname.split("/").at(-1)!;
      expect((await fetch(`${broken.url}/api/v1/loyalty/passes/google/${token}`, { redirect: "manual" })).status).toBe(404);
    } finally {
      await broken.stop();
    }
  });
});
