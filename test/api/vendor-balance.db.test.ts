import { beforeAll, describe, expect, it } from "vitest";
import * as pointsRedeemRoute from "@/app/api/v1/vendor/loyalty/points/redeem/route";
import * as pointsRoute from "@/app/api/v1/vendor/loyalty/points/route";
import * as stampRedeemRoute from "@/app/api/v1/vendor/loyalty/stamp/redeem/route";
import * as stampRoute from "@/app/api/v1/vendor/loyalty/stamp/route";
import { pointsRedeemResponseSchema, pointsResponseSchema, stampRedeemResponseSchema, stampResponseSchema } from "@/lib/cards/schemas";
import { callRoute } from "@/test/api-client";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";

describe("balance-changing endpoints", () => {
  const database = useTestDatabase();
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;
  let rewardId = "";

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma, {
      program: { type: "hybrid", stampsTarget: 2, cooldownMinutes: 30, maxDailyStamps: 5, pointsPerEuro: 1 },
    });
    rewardId = (
      await database().prisma.reward.create({
        data: { merchantId: setup.merchant.id, programId: setup.program.id, name: "Croissant", pointsCost: 10 },
      })
    ).id;
  });

  const post = (handler: typeof stampRoute.POST, path: string, body: unknown, headers: Record<string, string> = {}) =>
    callRoute(handler, { method: "POST", path, apiKey: setup.apiKey.key, body, headers });

  it("POST /stamp answers the contract's fields; a second stamp inside the cooldown is 429 COOLDOWN_ACTIVE with Retry-After", async () => {
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    const first = await post(stampRoute.POST, "/api/v1/vendor/loyalty/stamp", { cardNumber: card.cardNumber, storeId: setup.store.id });
    expect(first.status).toBe(200);
    expect(stampResponseSchema.strict().parse(first.body)).toMatchObject({
      stampCount: 1,
      stampsTarget: 2,
      rewardEarned: false,
      rewardAvailable: false,
      stampsToday: 1,
    });

    const second = await post(stampRoute.POST, "/api/v1/vendor/loyalty/stamp", { qrCode: card.qrPayload, storeId: setup.store.id });
    expect(second.status).toBe(429);
    expect(second.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(1700);
    expect(second.body).toMatchObject({
      code: "COOLDOWN_ACTIVE",
      status: 429,
      retryAfter: expect.any(Number),
      nextStampAvailableAt: first.body.nextStampAvailableAt,
    });
  });

  it("POST /stamp on a full card is 409 CARD_FULL; POST /stamp/redeem redeems it once, then 409 REWARD_NOT_AVAILABLE", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    await prisma.card.update({ where: { id: card.id }, data: { stampCount: 2 } });
    await prisma.ledgerEntry.create({
      data: {
        merchantId: setup.merchant.id,
        cardId: card.id,
        type: "manual_adjustment",
        stampsDelta: 2,
        stampsAfter: 2,
        pointsAfter: 0,
        reason: "test",
      },
    });

    const full = await post(stampRoute.POST, "/api/v1/vendor/loyalty/stamp", { cardNumber: card.cardNumber, storeId: setup.store.id });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: "CARD_FULL", stampsTarget: 2 });

    const redeemed = await post(stampRedeemRoute.POST, "/api/v1/vendor/loyalty/stamp/redeem", {
      cardNumber: card.cardNumber,
      storeId: setup.store.id,
    });
    expect(redeemed.status).toBe(200);
    expect(stampRedeemResponseSchema.strict().parse(redeemed.body)).toMatchObject({ stampCount: 0, rewardDescription: "A free coffee" });

    const again = await post(stampRedeemRoute.POST, "/api/v1/vendor/loyalty/stamp/redeem", {
      cardNumber: card.cardNumber,
      storeId: setup.store.id,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "REWARD_NOT_AVAILABLE", stampsNeeded: 2 });
  });

  it("POST /points credits floor(cents × points per euro / 100) and keeps the order reference; POST /points/redeem spends them", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    const earned = await post(pointsRoute.POST, "/api/v1/vendor/loyalty/points", {
      cardNumber: card.cardNumber,
      storeId: setup.store.id,
      purchaseAmountCents: 1299,
      orderReference: "R-1001",
    });
    expect(earned.status).toBe(200);
    expect(pointsResponseSchema.strict().parse(earned.body)).toMatchObject({
      pointsEarned: 12,
      pointsBalance: 12,
      purchaseAmountCents: 1299,
    });
    expect(await prisma.ledgerEntry.findUniqueOrThrow({ where: { id: earned.body.transactionId as string } })).toMatchObject({
      purchaseCents: 1299,
      orderReference: "R-1001",
      pointsAfter: 12,
    });

    const spent = await post(pointsRedeemRoute.POST, "/api/v1/vendor/loyalty/points/redeem", {
      cardNumber: card.cardNumber,
      storeId: setup.store.id,
      rewardId,
    });
    expect(spent.status).toBe(200);
    expect(pointsRedeemResponseSchema.strict().parse(spent.body)).toMatchObject({
      pointsSpent: 10,
      pointsBalance: 2,
      rewardName: "Croissant",
    });

    const short = await post(pointsRedeemRoute.POST, "/api/v1/vendor/loyalty/points/redeem", {
      cardNumber: card.cardNumber,
      storeId: setup.store.id,
      rewardId,
    });
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({ code: "INSUFFICIENT_POINTS", pointsNeeded: 8, pointsBalance: 2 });
  });

  it.each([
    [0, "Enter an amount greater than zero."],
    [-500, "Enter an amount greater than zero."],
    [12.5, "Enter a whole number."],
    [100_000_001, "This amount is larger than the program accepts (100000)."],
  ])("POST /points with purchaseAmountCents %s is 422 naming the field", async (purchaseAmountCents, message) => {
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    const answer = await post(pointsRoute.POST, "/api/v1/vendor/loyalty/points", {
      cardNumber: card.cardNumber,
      storeId: setup.store.id,
      purchaseAmountCents,
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: "VALIDATION_FAILED", errors: { purchaseAmountCents: [message] } });
    expect(await database().prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(0);
  });

  it("a replayed Idempotency-Key gives the same transaction id and one ledger row; the key with another body is 422 IDEMPOTENCY_CONFLICT", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    const body = { cardNumber: card.cardNumber, storeId: setup.store.id };
    const headers = { "idempotency-key": "3f1c0b7e-tap-42" };
    const first = await post(stampRoute.POST, "/api/v1/vendor/loyalty/stamp", body, headers);
    // Same request, keys in another order and the number typed with spaces: the same request.
    const replay = await post(
      stampRoute.POST,
      "/api/v1/vendor/loyalty/stamp",
      { storeId: setup.store.id, cardNumber: card.cardNumber },
      headers,
    );
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(1);

    const other = await post(pointsRoute.POST, "/api/v1/vendor/loyalty/points", { ...body, purchaseAmountCents: 500 }, headers);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });

    const badKey = await post(stampRoute.POST, "/api/v1/vendor/loyalty/stamp", body, { "idempotency-key": "has spaces in it" });
    expect(badKey.status).toBe(422);
    expect(badKey.body).toMatchObject({ errors: { "Idempotency-Key": [expect.any(String)] } });
  });
});
