import { verify } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { systemClock, type Clock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import { OUTBOX_HANDLERS } from "@/lib/jobs/handlers";
import { OutboxWorker } from "@/lib/jobs/outbox-worker";
import { eraseCustomer } from "@/lib/privacy/erase-customer";
import { createProgram } from "@/lib/programs/create-program";
import { updateProgram } from "@/lib/programs/update-program";
import { googleSaveLink } from "@/lib/web-card/google-save-link";
import { decodeJwt, FakeGoogleWallet, testServiceAccount } from "@/e2e/fakes/fake-google-wallet";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup, ownerContext } from "@/test/factories";
import { readGoogleCredentials } from "./google-credentials";
import { createGoogleWallet, useGoogleWalletForTests, type GoogleWallet } from "./google-wallet";

const ISSUER = "3388000000022334455";

describe(`Google Wallet against a fake Google on ${databaseKind()}`, () => {
  const database = useTestDatabase();
  const account = testServiceAccount();
  const fake = new FakeGoogleWallet(account.publicKey);
  let wallet: GoogleWallet;

  function walletAt(requestsPerSecond: number): GoogleWallet {
    const state = readGoogleCredentials({ issuerId: ISSUER, serviceAccountJson: account.text, apiRoot: fake.url });
    if (state.state !== "ready") throw new Error("test credentials rejected");
    return createGoogleWallet(state.credentials, { publicUrl: "https://loyalty.example", requestsPerSecond });
  }

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    useGoogleWalletForTests(null);
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    wallet = walletAt(1000);
    useGoogleWalletForTests(wallet);
  });

  const worker = (options: { backoff?: { baseMs: number; maxMs: number }; clock?: Clock } = {}) =>
    new OutboxWorker({ handlers: OUTBOX_HANDLERS, workerId: newId(), random: () => 0, ...options });

  async function savedCard(program: Partial<Parameters<typeof createMerchantSetup>[1] & object>["program"] = {}) {
    const setup = await createMerchantSetup(database().prisma, {
      program: { cooldownMinutes: 0, maxDailyStamps: 100, stampsTarget: 10, ...program },
    });
    const card = await createCard(database().prisma, setup.merchant, setup.program, { name: "Ana Lima" });
    const link = await googleSaveLink(card.pageToken, systemClock);
    const objectId = `${ISSUER}.card-${card.id}`;
    const stamp = () => addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
    return { setup, card, link, objectId, stamp };
  }

  const patches = (objectId: string) => fake.requestsFor(objectId).filter((request) => request.action === "patch");
  const balance = (body: Record<string, unknown>) => (body.loyaltyPoints as { balance: { int: number } }).balance.int;

  it("inserts the program's loyalty class when the program is created, with its names, logo, color and review status", async () => {
    const merchant = await database().prisma.merchant.create({ data: { name: "Café Lumière", defaultLocale: "fr" } });
    const ctx = await ownerContext(database().prisma, merchant.id);
    const program = await createProgram(ctx, {
      loyaltyType: "stamps",
      cardName: "Carte café",
      stampsTarget: 8,
      stampsRewardDescription: "Un café offert",
      cardColor: "#123456",
    });
    expect(fake.requests).toHaveLength(0); // not inside the request: through the outbox
    await worker().drain();
    const classId = `${ISSUER}.program-${program.id}`;
    const [insert] = fake.requestsFor(classId);
    expect(insert).toMatchObject({ method: "POST", path: "/walletobjects/v1/loyaltyClass", status: 200 });
    expect(insert!.body).toMatchObject({
      id: classId,
      issuerName: "Café Lumière",
      programName: "Carte café",
      hexBackgroundColor: "#123456",
      reviewStatus: "UNDER_REVIEW",
      programLogo: { sourceUri: { uri: "https://loyalty.example/icons/card-icon-512.png" } },
      textModulesData: [
        {
          id: "rules",
          body: "Collectez 8 tampons pour Un café offert.",
          localizedBody: { defaultValue: { language: "fr", value: "Collectez 8 tampons pour Un café offert." } },
        },
      ],
    });
    const stored = await database().prisma.program.findUniqueOrThrow({ where: { id: program.id } });
    expect(stored).toMatchObject({ googleClassId: classId, googleClassReviewStatus: "UNDER_REVIEW" });

    // A change of branding patches the class (through the outbox too).
    await updateProgram(ctx, { cardColor: "#654321" });
    await worker().drain();
    const patch = fake.requestsFor(classId).at(-1)!;
    expect(patch).toMatchObject({ method: "PATCH", status: 200, body: { hexBackgroundColor: "#654321" } });
  });

  it('"Add to Google Wallet" inserts the object and links to a save JWT signed by the service account', async () => {
    const { card, link, objectId, setup } = await savedCard();
    expect(link.startsWith("https://pay.google.com/gp/v/save/")).toBe(true);
    const classId = `${ISSUER}.program-${setup.program.id}`;
    // The program's class was not there yet: it is inserted first, then the object.
    expect(fake.requests.map((request) => `${request.kind} ${request.action} ${request.status}`)).toEqual([
      "class insert 200",
      "object insert 200",
    ]);
    expect(fake.requests[1]!.body).toMatchObject({
      id: objectId,
      classId,
      state: "ACTIVE",
      accountId: card.cardNumber,
      accountName: "Ana Lima",
      loyaltyPoints: { label: "Stamps", balance: { int: 0 } },
      barcode: { type: "QR_CODE", value: card.qrPayload },
      textModulesData: [{ id: "reward", body: "10 more stamps to A free coffee." }],
    });
    expect(fake.requests[1]!.body.secondaryLoyaltyPoints).toBeUndefined();

    const jwt = link.slice("https://pay.google.com/gp/v/save/".length);
    const [head, claims, signature] = jwt.split(".");
    expect(verify("RSA-SHA256", Buffer.from(`${head}.${claims}`), account.publicKey, Buffer.from(signature!, "base64url"))).toBe(true);
    const decoded = decodeJwt(jwt);
    expect(decoded.header).toMatchObject({ alg: "RS256", typ: "JWT", kid: "test-key-1" });
    expect(decoded.claims).toMatchObject({
      iss: account.json.client_email,
      aud: "google",
      typ: "savetowallet",
      origins: ["https://loyalty.example"],
      payload: { loyaltyObjects: [{ id: objectId, classId }] },
    });

    const stored = await database().prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored).toMatchObject({ googleObjectId: objectId, googlePassVersion: stored.version, googleLastPatchResult: "ok" });
    // A second tap reuses the object: no request to Google.
    await googleSaveLink(card.pageToken, systemClock);
    expect(fake.requests).toHaveLength(2);
  });

  it("a hybrid program's object shows stamps and points, its texts in the customer's language", async () => {
    const setup = await createMerchantSetup(database().prisma, { program: { type: "hybrid", stampsTarget: 5 } });
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    await database().prisma.customer.update({ where: { id: card.customerId }, data: { locale: "de" } });
    await database().prisma.card.update({ where: { id: card.id }, data: { pointsBalance: 42, stampCount: 2 } });
    await googleSaveLink(card.pageToken, systemClock);
    expect(fake.requests.at(-1)!.body).toMatchObject({
      loyaltyPoints: { label: "Stempel", balance: { int: 2 } },
      secondaryLoyaltyPoints: { label: "Punkte", balance: { int: 42 } },
      textModulesData: [{ header: "Ihre Prämie", body: "Noch 3 Stempel bis A free coffee." }],
    });
  });

  it("a stamp patches loyaltyPoints.balance to the new value and records the patch on the card", async () => {
    const { card, objectId, stamp } = await savedCard();
    await stamp();
    await worker().drain();
    const [patch] = patches(objectId);
    expect(patch).toMatchObject({ method: "PATCH", status: 200 });
    expect(balance(patch!.body)).toBe(1);
    expect(patch!.body.notifyPreference).toBe("NOTIFY_ON_UPDATE");
    const stored = await database().prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored).toMatchObject({ googlePassVersion: stored.version, googleLastPatchResult: "ok" });
    expect(stored.googleLastPatchAt).not.toBeNull();
    expect(fake.objects.get(objectId)).toMatchObject({ loyaltyPoints: { balance: { int: 1 } } });
  });

  it("reaching the target adds a message; notifications stop after 3 in a day, later updates go without", async () => {
    const { objectId, stamp } = await savedCard({ stampsTarget: 4 });
    for (let i = 0; i < 4; i++) {
      await stamp();
      await worker().drain();
    }
    const sent = fake.requestsFor(objectId).filter((request) => request.action !== "insert");
    expect(sent.map((request) => request.action)).toEqual(["patch", "patch", "patch", "patch", "addMessage"]);
    // Stamps 1–3 notify (Google's cap is 3 a day): stamp 4's patch and its message no longer may.
    expect(sent.slice(0, 3).map((request) => request.body.notifyPreference)).toEqual([
      "NOTIFY_ON_UPDATE",
      "NOTIFY_ON_UPDATE",
      "NOTIFY_ON_UPDATE",
    ]);
    expect(sent[3]!.body.notifyPreference).toBe("NOTIFICATION_SETTINGS_UNSPECIFIED");
    expect(balance(sent[3]!.body)).toBe(4);
    expect(sent[4]!.body).toMatchObject({
      message: { header: "Your reward is ready", messageType: "TEXT", body: expect.stringContaining("A free coffee is waiting for you") },
    });
  });

  it("a reward reached within the notification budget notifies through its message", async () => {
    const { objectId, stamp } = await savedCard({ stampsTarget: 2 });
    await stamp();
    await worker().drain();
    await stamp();
    await worker().drain();
    const sent = fake.requestsFor(objectId).filter((request) => request.action !== "insert");
    expect(
      sent.map(
        (request) =>
          `${request.action} ${String(request.body.notifyPreference ?? (request.body.message as { messageType: string }).messageType)}`,
      ),
    ).toEqual(["patch NOTIFY_ON_UPDATE", "patch NOTIFICATION_SETTINGS_UNSPECIFIED", "addMessage TEXT_AND_NOTIFY"]);
    // The message is added once: a later update of the same full card adds none.
    await database().prisma.card.updateMany({ where: { googleObjectId: objectId }, data: { version: { increment: 1 } } });
    const card = await database().prisma.card.findFirstOrThrow({ where: { googleObjectId: objectId } });
    await database().prisma.outboxEvent.create({
      data: {
        id: newId(),
        merchantId: card.merchantId,
        type: EVENT_TYPES.walletCardChanged,
        payload: { cardId: card.id, version: card.version },
        coalesceKey: `card:${card.id}`,
      },
    });
    await worker().drain();
    expect(fake.requestsFor(objectId).filter((request) => request.action === "addMessage")).toHaveLength(1);
  });

  it("a 404 on patch inserts the object again", async () => {
    const { objectId, stamp } = await savedCard();
    fake.objects.delete(objectId);
    await stamp();
    await worker().drain();
    expect(fake.requestsFor(objectId).map((request) => `${request.action} ${request.status}`)).toEqual([
      "insert 200",
      "patch 404",
      "insert 200",
    ]);
    expect(balance(fake.objects.get(objectId)!)).toBe(1);
  });

  it("a 409 on insert (the object is already at Google) patches it instead", async () => {
    const setup = await createMerchantSetup(database().prisma);
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    const objectId = `${ISSUER}.card-${card.id}`;
    // An earlier attempt inserted it, but its answer was lost.
    fake.objects.set(objectId, { id: objectId, loyaltyPoints: { balance: { int: 99 } } });
    await googleSaveLink(card.pageToken, systemClock);
    expect(fake.requestsFor(objectId).map((request) => `${request.action} ${request.status}`)).toEqual(["insert 409", "patch 200"]);
    expect(balance(fake.objects.get(objectId)!)).toBe(0);
    expect((await database().prisma.card.findUniqueOrThrow({ where: { id: card.id } })).googleObjectId).toBe(objectId);
  });

  it("a 503 is recorded and retried with backoff, then delivered", async () => {
    const { card, objectId, stamp } = await savedCard();
    fake.failNext("object", "patch", 503);
    await stamp();
    // The worker's own clock, moved by the test: a busy machine cannot make the backoff pass during a drain.
    let now = Date.now();
    const retrying = worker({ backoff: { baseMs: 60_000, maxMs: 60_000 }, clock: { now: () => new Date(now) } });
    await retrying.drain();
    const event = () =>
      database().prisma.outboxEvent.findFirstOrThrow({
        where: { type: EVENT_TYPES.walletCardChanged, coalesceKey: `card:${card.id}` },
        orderBy: { createdAt: "desc" },
      });
    expect(await event()).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringContaining("HTTP 503: Fake Google says 503"),
    });
    expect((await database().prisma.card.findUniqueOrThrow({ where: { id: card.id } })).googleLastPatchResult).toBe(
      "HTTP 503: Fake Google says 503",
    );
    // Not before its backoff…
    await retrying.drain();
    expect(patches(objectId)).toHaveLength(1);
    now += 61_000;
    await retrying.drain();
    expect(patches(objectId).map((request) => request.status)).toEqual([503, 200]);
    expect(await event()).toMatchObject({ status: "delivered", lastError: null });
    expect((await database().prisma.card.findUniqueOrThrow({ where: { id: card.id } })).googleLastPatchResult).toBe("ok");
  });

  it("another refusal (400) is not retried: the event is dead with Google's message, the card shows it", async () => {
    const { card, stamp } = await savedCard();
    fake.failNext("object", "patch", 400);
    await stamp();
    await worker().drain();
    const event = await database().prisma.outboxEvent.findFirstOrThrow({
      where: { type: EVENT_TYPES.walletCardChanged, coalesceKey: `card:${card.id}` },
    });
    expect(event).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: "Google Wallet loyaltyobject.patch: HTTP 400: Fake Google says 400",
    });
    expect((await database().prisma.card.findUniqueOrThrow({ where: { id: card.id } })).googleLastPatchResult).toBe(
      "HTTP 400: Fake Google says 400",
    );
  });

  it("30 quick stamps on one card produce at most a few patches, the last with the final balance", async () => {
    const { objectId, stamp } = await savedCard({ stampsTarget: 50 });
    const running = new OutboxWorker({ handlers: OUTBOX_HANDLERS, workerId: newId(), pollMs: 20, batchWindowMs: 100 });
    running.start();
    try {
      for (let i = 0; i < 30; i++) await stamp();
    } finally {
      await running.stop();
    }
    await worker().drain();
    const sent = patches(objectId);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(balance(sent.at(-1)!.body)).toBe(30);
    expect(balance(fake.objects.get(objectId)!)).toBe(30);
  });

  it("a backlog of 1,000 updates drains without exceeding the request rate", { timeout: 60_000 }, async () => {
    const rate = 100;
    wallet = walletAt(rate);
    useGoogleWalletForTests(wallet);
    const setup = await createMerchantSetup(database().prisma);
    const prisma = database().prisma;
    const customers = Array.from({ length: 1000 }, () => ({ id: newId() }));
    await prisma.customer.createMany({ data: customers });
    const cards = customers.map((customer, index) => {
      const id = newId();
      return {
        id,
        merchantId: setup.merchant.id,
        programId: setup.program.id,
        customerId: customer.id,
        cardNumber: `9${String(index).padStart(11, "0")}`,
        qrPayload: `qr-${id}`,
        pageToken: `page-${id}`,
        appleSerial: `serial-${id}`,
        appleAuthToken: `auth-${id}-0123456789`,
        stampCount: 3,
        version: 2,
        googleObjectId: `${ISSUER}.card-${id}`,
        googlePassVersion: 1,
      };
    });
    await prisma.card.createMany({ data: cards });
    for (const card of cards) fake.objects.set(card.googleObjectId, { id: card.googleObjectId });
    await prisma.outboxEvent.createMany({
      data: cards.map((card) => ({
        id: newId(),
        merchantId: setup.merchant.id,
        type: EVENT_TYPES.walletCardChanged,
        payload: { cardId: card.id, version: 2 },
        coalesceKey: `card:${card.id}`,
      })),
    });
    // Two workers in one process share the process's limit.
    await Promise.all([worker().drain(), worker().drain()]);

    const sent = fake.requests.filter((request) => request.action === "patch");
    expect(new Set(sent.map((request) => request.resourceId)).size).toBe(1000);
    expect(sent.every((request) => request.status === 200)).toBe(true);
    // Wherever a one-second window starts, it holds at most `rate` requests.
    const times = fake.requests.map((request) => request.at).sort((a, b) => a - b);
    let busiest = 0;
    for (let start = 0, end = 0; start < times.length; start++) {
      while (end < times.length && times[end]! < times[start]! + 1000) end++;
      busiest = Math.max(busiest, end - start);
    }
    expect(busiest).toBeLessThanOrEqual(rate);
    // The limit, not the database, set the pace (a quarter of it, so a busy machine does not fail the test).
    expect(busiest).toBeGreaterThan(rate / 4);
    const undelivered = await prisma.outboxEvent.count({
      where: { merchantId: setup.merchant.id, type: EVENT_TYPES.walletCardChanged, status: { not: "delivered" } },
    });
    expect(undelivered).toBe(0);
  });

  it("erasing the customer expires their object", async () => {
    const { card, objectId } = await savedCard();
    await eraseCustomer(card.pageToken, systemClock);
    await worker().drain();
    const last = fake.requestsFor(objectId).at(-1)!;
    expect(last).toMatchObject({ action: "patch", status: 200, body: { state: "EXPIRED", accountName: card.cardNumber } });
    expect(fake.objects.get(objectId)).toMatchObject({ state: "EXPIRED" });
  });

  it("a change of rules patches the class and refreshes each saved object's reward text", async () => {
    const { setup, objectId } = await savedCard({ stampsTarget: 10 });
    const owner = await ownerContext(database().prisma, setup.merchant.id);
    await updateProgram(owner, { stampsTarget: 6 });
    await worker().drain();
    const classPatch = fake.requests.find((request) => request.kind === "class" && request.action === "patch");
    expect(classPatch?.body).toMatchObject({ textModulesData: [{ body: "Collect 6 stamps for A free coffee." }] });
    expect(patches(objectId).at(-1)!.body).toMatchObject({ textModulesData: [{ body: "6 more stamps to A free coffee." }] });
  });
});
