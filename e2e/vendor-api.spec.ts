import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./support/demo-credentials";
import { logIn, seedMerchant } from "./support/seed-merchant";

// The vendor API over HTTP against the built app, as an integration would use it.
test("an integration enrolls a customer, stamps, is refused during the cooldown, and sees the stamp in the statistics", async ({
  request,
}) => {
  const demo = await demoCredentials();
  const headers = { authorization: `Bearer ${demo.apiKey}` };
  const [store] = demo.stores;
  const [staff] = demo.staff;

  const before = await request.get("/api/v1/vendor/loyalty/stats", { headers });
  expect(before.status()).toBe(200);
  const stampsBefore = ((await before.json()) as { stampsIssued: { today: number } }).stampsIssued.today;

  const enrolled = await request.post("/api/v1/vendor/loyalty/cards/enroll", {
    headers,
    data: { storeId: store!.id, customer: { name: "Journey", email: `journey-${randomUUID()}@example.com` }, emailConsent: false },
  });
  expect(enrolled.status()).toBe(201);
  const { card } = (await enrolled.json()) as { card: { cardNumber: string; qrCode: string } };

  const key = randomUUID();
  const body = { qrCode: card.qrCode, storeId: store!.id, staffPin: staff!.pin };
  const stamped = await request.post("/api/v1/vendor/loyalty/stamp", { headers: { ...headers, "idempotency-key": key }, data: body });
  expect(stamped.status()).toBe(200);
  const first = (await stamped.json()) as { transactionId: string; stampCount: number };
  expect(first.stampCount).toBe(1);

  const retried = await request.post("/api/v1/vendor/loyalty/stamp", { headers: { ...headers, "idempotency-key": key }, data: body });
  expect(retried.status()).toBe(200);
  expect(((await retried.json()) as { transactionId: string }).transactionId).toBe(first.transactionId);

  const tooSoon = await request.post("/api/v1/vendor/loyalty/stamp", { headers, data: body });
  expect(tooSoon.status()).toBe(429);
  expect(tooSoon.headers()["content-type"]).toBe("application/problem+json");
  expect(Number(tooSoon.headers()["retry-after"])).toBeGreaterThan(800);
  expect(await tooSoon.json()).toMatchObject({ code: "COOLDOWN_ACTIVE" });

  const ledger = await request.get(`/api/v1/vendor/loyalty/cards/${card.cardNumber}/transactions`, { headers });
  expect(((await ledger.json()) as { transactions: unknown[] }).transactions).toHaveLength(1);

  // The outbox worker runs inside the app process and folds the stamp into the statistics.
  await expect
    .poll(
      async () =>
        ((await (await request.get("/api/v1/vendor/loyalty/stats", { headers })).json()) as { stampsIssued: { today: number } })
          .stampsIssued.today,
      { timeout: 10_000 },
    )
    .toBe(stampsBefore + 1);
});

test("the vendor API refuses a request without a key with 401 problem+json", async ({ request }) => {
  const answer = await request.get("/api/v1/vendor/loyalty/program");
  expect(answer.status()).toBe(401);
  expect(await answer.json()).toMatchObject({ code: "UNAUTHENTICATED" });
});

test("the dashboard's session also opens the vendor API, for its own merchant, and a change must come from the app's origin", async ({
  page,
  baseURL,
}) => {
  const merchant = await seedMerchant({ program: "stamps", store: true, manager: true });
  await logIn(page, merchant.manager!);

  const program = await page.request.get("/api/v1/vendor/loyalty/program");
  expect(program.status()).toBe(200);
  expect(await program.json()).toMatchObject({ stampsTarget: 10 });
  const stores = (await (await page.request.get("/api/v1/vendor/loyalty/stores")).json()) as { stores: { id: string }[] };
  expect(stores.stores.map((store) => store.id)).toEqual([merchant.store!.id]);

  // A change with the session cookie but from elsewhere (no Origin, or another one) is refused before anything is written.
  const data = { storeId: merchant.store!.id, customer: { name: "Session Journey" }, emailConsent: false };
  const noOrigin = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", { data });
  expect(noOrigin.status()).toBe(403);
  expect(await noOrigin.json()).toMatchObject({ code: "FORBIDDEN" });
  const elsewhere = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", { data, headers: { origin: "https://evil.example" } });
  expect(elsewhere.status()).toBe(403);
  const enrolled = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", { data, headers: { origin: baseURL! } });
  expect(enrolled.status()).toBe(201);
  const cards = (await (await page.request.get("/api/v1/vendor/loyalty/cards")).json()) as { cards: { customer: { name: string } }[] };
  expect(cards.cards.map((card) => card.customer.name)).toEqual(["Session Journey"]);

  // Logged out, the same cookie jar gets 401.
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/vendor/loyalty/program")).status()).toBe(401);
});
