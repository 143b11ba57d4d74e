import { describe, expect, it } from "vitest";
import * as rewardRoute from "@/app/api/v1/vendor/loyalty/program/rewards/[rewardId]/route";
import * as rewardsRoute from "@/app/api/v1/vendor/loyalty/program/rewards/route";
import * as programRoute from "@/app/api/v1/vendor/loyalty/program/route";
import * as statsRoute from "@/app/api/v1/vendor/loyalty/stats/route";
import * as storesRoute from "@/app/api/v1/vendor/loyalty/stores/route";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { callRoute } from "@/test/api-client";
import { useTestDatabase } from "@/test/db";
import { uniq } from "@/test/factories";

describe("program, rewards, stores and stats endpoints", () => {
  const database = useTestDatabase();

  /** A merchant with nothing yet but an API key. */
  async function newMerchant() {
    const { prisma } = database();
    const merchant = await prisma.merchant.create({ data: { name: uniq("Shop") } });
    const { key, keyHash, prefix } = generateApiKey();
    await prisma.apiKey.create({ data: { merchantId: merchant.id, name: "t", keyHash, prefix } });
    return { merchant, key };
  }

  it("GET /program is 404 before one exists; POST creates it with the platform defaults; a second POST is 422; PATCH changes it and is audited", async () => {
    const { merchant, key } = await newMerchant();
    const call = (handler: typeof programRoute.GET, method: string, body?: unknown) =>
      callRoute(handler, { method, path: "/api/v1/vendor/loyalty/program", apiKey: key, body });
    expect((await call(programRoute.GET, "GET")).status).toBe(404);

    const created = await call(programRoute.POST, "POST", {
      loyaltyType: "stamps",
      cardName: "Coffee card",
      stampsTarget: 8,
      stampsRewardDescription: "A free flat white",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      loyaltyType: "stamps",
      cardName: "Coffee card",
      stampsTarget: 8,
      cooldownMinutes: 15,
      maxDailyStamps: 5,
      pointsPerEuro: 1,
      requireStaffPin: true,
      cardColor: "#3b2314",
      rewards: [],
    });
    expect((await call(programRoute.POST, "POST", { loyaltyType: "points", cardName: "x" })).status).toBe(422);

    const changed = await call(programRoute.PATCH, "PATCH", { loyaltyType: "hybrid", cooldownMinutes: 0, cardColor: "#112233" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ loyaltyType: "hybrid", cooldownMinutes: 0, cardColor: "#112233", stampsTarget: 8 });
    const audit = await database().prisma.auditLog.findMany({ where: { merchantId: merchant.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["program.created", "program.updated"]);
    // One for the creation (the wallets set the program up: Google's loyalty class), one for the change.
    expect(await database().prisma.outboxEvent.count({ where: { merchantId: merchant.id, type: "wallet.program_changed" } })).toBe(2);

    const bad = await call(programRoute.PATCH, "PATCH", { cardColor: "brown", stampsTarget: 0, nope: true });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual({
      cardColor: ["Pick a color (like #3b2314)."],
      stampsTarget: [expect.any(String)],
      nope: ["Unknown field."],
    });
    expect((await call(programRoute.PATCH, "PATCH", {})).status).toBe(422);
  });

  it("/program/rewards adds, edits and retires catalog rewards", async () => {
    const { key } = await newMerchant();
    await callRoute(programRoute.POST, {
      method: "POST",
      path: "/api/v1/vendor/loyalty/program",
      apiKey: key,
      body: { loyaltyType: "points", cardName: "Points" },
    });
    const created = await callRoute(rewardsRoute.POST, {
      method: "POST",
      path: "/api/v1/vendor/loyalty/program/rewards",
      apiKey: key,
      body: { name: "Tote bag", pointsCost: 150 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const retired = await callRoute(rewardRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/vendor/loyalty/program/rewards/${id}`,
      apiKey: key,
      body: { active: false },
      params: { rewardId: id },
    });
    expect(retired.body).toMatchObject({ name: "Tote bag", active: false });
    const list = await callRoute(rewardsRoute.GET, { path: "/api/v1/vendor/loyalty/program/rewards", apiKey: key });
    expect(list.body.rewards).toEqual([{ id, name: "Tote bag", description: null, pointsCost: 150, active: false }]);
    expect(
      (await callRoute(rewardsRoute.POST, { method: "POST", path: "/x", apiKey: key, body: { name: "Free", pointsCost: 0 } })).status,
    ).toBe(422);
  });

  it("/stores creates stores with a generated or chosen code, refusing a taken code next to the field", async () => {
    const { key } = await newMerchant();
    const post = (body: unknown) =>
      callRoute(storesRoute.POST, { method: "POST", path: "/api/v1/vendor/loyalty/stores", apiKey: key, body });
    const generated = await post({ name: "Gare", address: "1 Place de la Gare" });
    expect(generated.status).toBe(201);
    expect(generated.body).toMatchObject({ name: "Gare", code: expect.stringMatching(/^[A-HJ-NP-Z2-9]{7}$/), archived: false });
    expect(generated.body.joinUrl).toBe(`https://loyalty.test/join/${generated.body.code as string}`);
    const code = uniq("K").replace("-", "").toUpperCase().slice(0, 12);
    expect((await post({ name: "Kirchberg", code: code.toLowerCase() })).body).toMatchObject({ code });
    const taken = await post({ name: "Again", code });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({ errors: { code: ["This store code is already taken."] } });
    const list = await callRoute(storesRoute.GET, { path: "/api/v1/vendor/loyalty/stores", apiKey: key });
    expect((list.body.stores as { name: string }[]).map((store) => store.name)).toEqual(["Gare", "Kirchberg"]);
  });

  it("GET /stats answers the statistics shape", async () => {
    const { key } = await newMerchant();
    const answer = await callRoute(statsRoute.GET, { path: "/api/v1/vendor/loyalty/stats", apiKey: key });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      members: 0,
      activeMembers30Days: 0,
      newMembers: { today: 0, last7Days: 0, last30Days: 0 },
      stampsIssued: { today: 0, last7Days: 0, last30Days: 0 },
      redemptionRate30Days: null,
      averagePurchaseCents30Days: null,
      byStore: [],
      byStaff: [],
    });
  });
});
