import { beforeAll, describe, expect, it } from "vitest";
import * as transactionsRoute from "@/app/api/v1/vendor/loyalty/cards/[cardNumber]/transactions/route";
import * as lookupRoute from "@/app/api/v1/vendor/loyalty/cards/lookup/route";
import * as pinUnlockRoute from "@/app/api/v1/vendor/loyalty/pins/[id]/unlock/route";
import * as pinRoute from "@/app/api/v1/vendor/loyalty/pins/[id]/route";
import * as rewardRoute from "@/app/api/v1/vendor/loyalty/program/rewards/[rewardId]/route";
import * as pointsRedeemRoute from "@/app/api/v1/vendor/loyalty/points/redeem/route";
import * as pointsRoute from "@/app/api/v1/vendor/loyalty/points/route";
import * as stampRedeemRoute from "@/app/api/v1/vendor/loyalty/stamp/redeem/route";
import * as stampRoute from "@/app/api/v1/vendor/loyalty/stamp/route";
import * as storesRoute from "@/app/api/v1/vendor/loyalty/stores/route";
import { MAX_BODY_BYTES } from "@/lib/http/api-route";
import { callRoute } from "@/test/api-client";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";

describe("vendor API authentication, tenancy and bad input", () => {
  const database = useTestDatabase();
  let first: Awaited<ReturnType<typeof createMerchantSetup>>;
  let second: Awaited<ReturnType<typeof createMerchantSetup>>;

  beforeAll(async () => {
    const { prisma } = database();
    first = await createMerchantSetup(prisma, { staff: [{ pin: "1234" }], program: { type: "hybrid" } });
    second = await createMerchantSetup(prisma, { staff: [{ pin: "5678" }], program: { type: "hybrid" } });
  });

  it("refuses a request without a key, with an unknown key and with a revoked key (401), and a suspended merchant's key (403)", async () => {
    const path = "/api/v1/vendor/loyalty/stores";
    const none = await callRoute(storesRoute.GET, { path });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await callRoute(storesRoute.GET, { path, apiKey: "lk_not-a-real-key" })).status).toBe(401);
    expect((await callRoute(storesRoute.GET, { path, headers: { authorization: "Basic dXNlcjpwYXNz" } })).status).toBe(401);

    const { prisma } = database();
    const revoked = await createMerchantSetup(prisma);
    await prisma.apiKey.update({ where: { id: revoked.apiKey.id }, data: { revokedAt: new Date() } });
    expect((await callRoute(storesRoute.GET, { path, apiKey: revoked.apiKey.key })).status).toBe(401);

    const suspended = await createMerchantSetup(prisma);
    await prisma.merchant.update({ where: { id: suspended.merchant.id }, data: { status: "suspended" } });
    const answer = await callRoute(storesRoute.GET, { path, apiKey: suspended.apiKey.key });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "MERCHANT_SUSPENDED" });
  });

  it("gives a second merchant's key 404 for every card, store, PIN and reward of the first, and changes nothing", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, first.merchant, first.program);
    const reward = await prisma.reward.create({
      data: { merchantId: first.merchant.id, programId: first.program.id, name: "R", pointsCost: 1 },
    });
    const staffId = first.staff[0]!.id;
    const key = second.apiKey.key;
    const ownStore = second.store.id;
    const theirStore = first.store.id;
    const cardNumber = card.cardNumber;

    const attempts = [
      callRoute(lookupRoute.POST, { method: "POST", path: "/x", apiKey: key, body: { cardNumber } }),
      callRoute(lookupRoute.POST, { method: "POST", path: "/x", apiKey: key, body: { qrCode: card.qrPayload } }),
      callRoute(transactionsRoute.GET, { path: `/x/${cardNumber}/transactions`, apiKey: key, params: { cardNumber } }),
      callRoute(stampRoute.POST, { method: "POST", path: "/x", apiKey: key, body: { cardNumber, storeId: ownStore, staffPin: "5678" } }),
      callRoute(stampRoute.POST, { method: "POST", path: "/x", apiKey: key, body: { cardNumber, storeId: theirStore, staffPin: "5678" } }),
      callRoute(stampRedeemRoute.POST, {
        method: "POST",
        path: "/x",
        apiKey: key,
        body: { cardNumber, storeId: ownStore, staffPin: "5678" },
      }),
      callRoute(pointsRoute.POST, {
        method: "POST",
        path: "/x",
        apiKey: key,
        body: { cardNumber, storeId: ownStore, staffPin: "5678", purchaseAmountCents: 100 },
      }),
      callRoute(pointsRedeemRoute.POST, {
        method: "POST",
        path: "/x",
        apiKey: key,
        body: { cardNumber, storeId: ownStore, staffPin: "5678", rewardId: reward.id },
      }),
      callRoute(pinRoute.PATCH, { method: "PATCH", path: "/x", apiKey: key, body: { name: "Hacked" }, params: { id: staffId } }),
      callRoute(pinRoute.DELETE, { method: "DELETE", path: "/x", apiKey: key, params: { id: staffId } }),
      callRoute(pinUnlockRoute.POST, { method: "POST", path: "/x", apiKey: key, params: { id: staffId } }),
      callRoute(rewardRoute.PATCH, { method: "PATCH", path: "/x", apiKey: key, body: { active: false }, params: { rewardId: reward.id } }),
    ];
    const answers = await Promise.all(attempts);
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual(answers.map(() => [404, "NOT_FOUND"]));

    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(0);
    expect(await prisma.staffMember.findUniqueOrThrow({ where: { id: staffId } })).toMatchObject({
      name: first.staff[0]!.name,
      active: true,
    });
    expect(await prisma.reward.findUniqueOrThrow({ where: { id: reward.id } })).toMatchObject({ active: true });
    const stores = await callRoute(storesRoute.GET, { path: "/x", apiKey: key });
    expect((stores.body.stores as { id: string }[]).map((store) => store.id)).toEqual([ownStore]);
  });

  it("answers malformed JSON, wrong types, unknown fields, a wrong content type and oversized bodies with 422 and writes nothing", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, first.merchant, first.program);
    const post = (init: { body?: unknown; rawBody?: string; headers?: Record<string, string> }) =>
      callRoute(pointsRoute.POST, { method: "POST", path: "/api/v1/vendor/loyalty/points", apiKey: first.apiKey.key, ...init });

    const malformed = await post({ rawBody: '{"cardNumber": "12', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(422);
    expect(malformed.body).toMatchObject({ code: "VALIDATION_FAILED", detail: expect.stringContaining("Malformed JSON") });

    const wrongTypes = await post({
      body: { cardNumber: card.cardNumber, storeId: first.store.id, staffPin: 1234, purchaseAmountCents: "12.50" },
    });
    expect(wrongTypes.status).toBe(422);
    expect(Object.keys(wrongTypes.body.errors as object).sort()).toEqual(["purchaseAmountCents", "staffPin"]);

    const unknown = await post({
      body: { cardNumber: card.cardNumber, storeId: first.store.id, staffPin: "1234", purchaseAmountCents: 100, discount: 5 },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ errors: { discount: ["Unknown field."] } });

    const notJson = await post({ rawBody: "cardNumber=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(422);

    const huge = await post({ body: { cardNumber: card.cardNumber, storeId: first.store.id, orderReference: "x".repeat(MAX_BODY_BYTES) } });
    expect(huge.status).toBe(422);
    expect(huge.body.detail).toContain("larger than");

    const notAnObject = await post({ rawBody: "[1,2,3]", headers: { "content-type": "application/json" } });
    expect(notAnObject.status).toBe(422);

    const badId = await callRoute(pinRoute.PATCH, {
      method: "PATCH",
      path: "/x",
      apiKey: first.apiKey.key,
      body: { name: "x" },
      params: { id: "not-a-uuid" },
    });
    expect(badId.status).toBe(404);

    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(0);
  });
});
