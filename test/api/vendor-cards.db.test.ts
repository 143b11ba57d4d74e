import { beforeAll, describe, expect, it } from "vitest";
import * as transactionsRoute from "@/app/api/v1/vendor/loyalty/cards/[cardNumber]/transactions/route";
import * as enrollRoute from "@/app/api/v1/vendor/loyalty/cards/enroll/route";
import * as lookupRoute from "@/app/api/v1/vendor/loyalty/cards/lookup/route";
import * as cardsRoute from "@/app/api/v1/vendor/loyalty/cards/route";
import * as stampRoute from "@/app/api/v1/vendor/loyalty/stamp/route";
import { formatCardNumber } from "@/lib/domain/card-number";
import { cardPageSchema, cardResponseSchema, transactionPageSchema } from "@/lib/cards/schemas";
import { callRoute } from "@/test/api-client";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup } from "@/test/factories";

describe("card endpoints", () => {
  const database = useTestDatabase();
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma, { program: { cooldownMinutes: 0 } });
  });

  const api = (handler: typeof cardsRoute.GET, method: string, path: string, body?: unknown, params?: Record<string, string>) =>
    callRoute(handler, { method, path, apiKey: setup.apiKey.key, body, params });
  const enroll = (body: unknown) => api(enrollRoute.POST, "POST", "/api/v1/vendor/loyalty/cards/enroll", body);

  it("POST /cards/enroll creates the customer and card (201), records consent, and returns the existing card for a known email (200)", async () => {
    const created = await enroll({
      storeId: setup.store.id,
      customer: { name: "Léa", email: "Lea@Example.com", phone: "+352 621 123 456", birthday: "1990-05-17", locale: "fr" },
      emailConsent: true,
    });
    expect(created.status).toBe(201);
    const { card } = cardResponseSchema.parse(created.body);
    expect(card).toMatchObject({
      stampCount: 0,
      stampsTarget: 10,
      pointsBalance: 0,
      rewardAvailable: false,
      customer: { name: "Léa", email: "lea@example.com" },
    });
    expect(card.cardUrl).toMatch(/^https:\/\/loyalty\.test\/card\/[\w-]{20,}$/);
    const customer = await database().prisma.customer.findUniqueOrThrow({ where: { id: card.customer.id } });
    expect(customer).toMatchObject({ emailConsent: true, emailConsentVersion: "2026-01", locale: "fr", phone: "+352621123456" });
    expect(customer.emailConsentAt).not.toBeNull();

    const again = await enroll({ storeId: setup.store.id, customer: { email: "lea@example.com" } });
    expect(again.status).toBe(200);
    expect((again.body.card as { id: string }).id).toBe(card.id);
  });

  it("POST /cards/enroll answers each bad field next to its name", async () => {
    const answer = await enroll({
      storeId: setup.store.id,
      customer: { email: "not-an-email", phone: "call me", birthday: "2999-01-01", shoeSize: 42 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({
      "customer.email": ["Enter a valid email address."],
      "customer.phone": [expect.stringContaining("phone number")],
      "customer.birthday": ["Enter a birthday in the past."],
      "customer.shoeSize": ["Unknown field."],
    });
    const noStore = await enroll({ storeId: "0199a7b0-0000-7000-8000-000000000000" });
    expect(noStore.status).toBe(404);
  });

  it("POST /cards/lookup finds a card by QR payload or by a typed number, and checks the check digit", async () => {
    const { card } = cardResponseSchema.parse((await enroll({ storeId: setup.store.id, customer: { name: "Max" } })).body);
    const byQr = await api(lookupRoute.POST, "POST", "/api/v1/vendor/loyalty/cards/lookup", { qrCode: card.qrCode });
    expect(byQr.status).toBe(200);
    expect((byQr.body.card as { id: string }).id).toBe(card.id);
    const byNumber = await api(lookupRoute.POST, "POST", "/api/v1/vendor/loyalty/cards/lookup", {
      cardNumber: formatCardNumber(card.cardNumber),
    });
    expect((byNumber.body.card as { id: string }).id).toBe(card.id);

    const typo = card.cardNumber.slice(0, -1) + String((Number(card.cardNumber.at(-1)) + 1) % 10);
    const wrongDigit = await api(lookupRoute.POST, "POST", "/api/v1/vendor/loyalty/cards/lookup", { cardNumber: typo });
    expect(wrongDigit.status).toBe(422);
    expect(wrongDigit.body).toMatchObject({ errors: { cardNumber: ["This card number is not valid: check the digits."] } });
    const both = await api(lookupRoute.POST, "POST", "/api/v1/vendor/loyalty/cards/lookup", {
      cardNumber: card.cardNumber,
      qrCode: card.qrCode,
    });
    expect(both.status).toBe(422);
    const unknown = await api(lookupRoute.POST, "POST", "/api/v1/vendor/loyalty/cards/lookup", { qrCode: "LC1-does-not-exist-at-all" });
    expect(unknown.status).toBe(404);
  });

  it("GET /cards lists newest first with a cursor, and searches by name, email, phone and card number", async () => {
    const mine = await createMerchantSetup(database().prisma);
    const names = ["Anna Schmit", "Ben Weber", "Chloé Faber", "David Thill", "Emma Klein"];
    const cards = [];
    for (const [i, name] of names.entries()) {
      const answer = await callRoute(enrollRoute.POST, {
        method: "POST",
        path: "/api/v1/vendor/loyalty/cards/enroll",
        apiKey: mine.apiKey.key,
        body: {
          storeId: mine.store.id,
          customer: { name, email: `${["anna", "ben", "chloe", "david", "emma"][i]}@example.com`, phone: `+352 691 000 00${i}` },
        },
      });
      cards.push(cardResponseSchema.parse(answer.body).card);
    }
    const list = (query: string) => callRoute(cardsRoute.GET, { path: `/api/v1/vendor/loyalty/cards${query}`, apiKey: mine.apiKey.key });

    const first = cardPageSchema.parse((await list("?limit=2")).body);
    expect(first.cards.map((c) => c.customer.name)).toEqual(["Emma Klein", "David Thill"]);
    const second = cardPageSchema.parse((await list(`?limit=2&cursor=${first.nextCursor}`)).body);
    expect(second.cards.map((c) => c.customer.name)).toEqual(["Chloé Faber", "Ben Weber"]);
    const third = cardPageSchema.parse((await list(`?limit=2&cursor=${second.nextCursor}`)).body);
    expect(third).toMatchObject({ nextCursor: null });
    expect(third.cards.map((c) => c.customer.name)).toEqual(["Anna Schmit"]);

    const names0 = async (query: string) => cardPageSchema.parse((await list(query)).body).cards.map((c) => c.customer.name);
    expect(await names0("?query=chlo")).toEqual(["Chloé Faber"]);
    expect(await names0("?query=DAVID%40example")).toEqual(["David Thill"]);
    expect(await names0("?query=691%20000%20004")).toEqual(["Emma Klein"]);
    expect(await names0(`?query=${cards[1]!.cardNumber.slice(0, 8)}`)).toEqual(["Ben Weber"]);

    expect((await list("?limit=0")).status).toBe(422);
    expect((await list("?cursor=garbage")).body).toMatchObject({ code: "VALIDATION_FAILED", errors: { cursor: [expect.any(String)] } });
    expect((await list("?sort=name")).body).toMatchObject({ errors: { sort: ["Unknown field."] } });
  });

  it("GET /cards/{cardNumber}/transactions gives the card's ledger, newest first", async () => {
    const { card } = cardResponseSchema.parse((await enroll({ storeId: setup.store.id, customer: { name: "Zoé" } })).body);
    for (let i = 0; i < 3; i++)
      await api(stampRoute.POST, "POST", "/api/v1/vendor/loyalty/stamp", { cardNumber: card.cardNumber, storeId: setup.store.id });
    const answer = await api(
      transactionsRoute.GET,
      "GET",
      `/api/v1/vendor/loyalty/cards/${card.cardNumber}/transactions?limit=2`,
      undefined,
      { cardNumber: card.cardNumber },
    );
    expect(answer.status).toBe(200);
    const page = transactionPageSchema.parse(answer.body);
    expect(page.transactions.map((t) => t.stampsAfter)).toEqual([3, 2]);
    expect(page.transactions[0]).toMatchObject({ type: "stamp_earned", stampsDelta: 1, store: { id: setup.store.id } });
    expect(page.nextCursor).not.toBeNull();
  });
});
