import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as programRoute from "@/app/api/v1/admin/loyalty/programs/[id]/route";
import * as programStatsRoute from "@/app/api/v1/admin/loyalty/programs/[id]/stats/route";
import * as programsRoute from "@/app/api/v1/admin/loyalty/programs/route";
import * as statsRoute from "@/app/api/v1/admin/loyalty/stats/route";
import { getConfig } from "@/lib/config";
import type { PrismaClient } from "@/lib/db/generated/client";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import { callRoute } from "@/test/api-client";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";

const COOKIE = "__Host-next-auth.session-token";

/** A user with an open session, and the session cookie the browser would send for it. */
async function sessionCookie(
  prisma: PrismaClient,
  user: { role: "admin" | "owner"; merchantId?: string; revoked?: boolean },
): Promise<string> {
  const created = await prisma.user.create({
    data: {
      email: `${user.role}-${Math.random().toString(36).slice(2)}@example.com`,
      role: user.role,
      merchantId: user.merchantId,
      passwordHash: "x",
    },
  });
  const session = await prisma.userSession.create({ data: { userId: created.id, revokedAt: user.revoked ? new Date() : null } });
  const token = await encode({ token: { uid: created.id, sid: session.id }, secret: getConfig().secrets.authSecret });
  return `${COOKIE}=${token}`;
}

describe("the admin API", () => {
  const database = useTestDatabase();
  let admin: string;
  let owner: string;
  let cafe: Awaited<ReturnType<typeof createMerchantSetup>>;
  let shop: Awaited<ReturnType<typeof createMerchantSetup>>;
  const today = localDayOf(new Date(), "Europe/Luxembourg");

  beforeAll(async () => {
    const { prisma } = database();
    cafe = await createMerchantSetup(prisma, { program: { type: "stamps" } });
    shop = await createMerchantSetup(prisma, { program: { type: "points" }, stores: 2 });
    await prisma.merchant.create({ data: { name: "Not set up yet" } });
    await prisma.merchant.update({ where: { id: cafe.merchant.id }, data: { name: "Café Lumière Gare" } });
    admin = await sessionCookie(prisma, { role: "admin" });
    owner = await sessionCookie(prisma, { role: "owner", merchantId: cafe.merchant.id });
    // The summaries the figures come from: 3 members at the café (2 active lately), 1 at the shop.
    const first = await createCard(prisma, cafe.merchant, cafe.program);
    await createCard(prisma, cafe.merchant, cafe.program);
    await createCard(prisma, cafe.merchant, cafe.program);
    await createCard(prisma, shop.merchant, shop.program);
    await prisma.card.update({ where: { id: first.id }, data: { googleObjectId: "issuer.object-1", appleLastFetchedAt: new Date() } });
    await prisma.cardActivityDay.createMany({
      data: [
        { merchantId: cafe.merchant.id, day: new Date(`${today}T00:00:00Z`), cards: 2 },
        { merchantId: cafe.merchant.id, day: new Date(`${addDays(today, -60)}T00:00:00Z`), cards: 1 },
        { merchantId: shop.merchant.id, day: new Date(`${addDays(today, -3)}T00:00:00Z`), cards: 1 },
      ],
    });
    const row = (merchantId: string, day: string, figures: Record<string, number>) => ({
      merchantId,
      day: new Date(`${day}T00:00:00Z`),
      storeKey: "",
      staffKey: "",
      ...figures,
    });
    await prisma.activityDaily.createMany({
      data: [
        row(cafe.merchant.id, today, { stampsIssued: 4, newMembers: 2 }),
        row(cafe.merchant.id, addDays(today, -10), { stampsIssued: 6, stampRewardsRedeemed: 1 }),
        row(cafe.merchant.id, addDays(today, -45), { stampsIssued: 100 }),
        row(shop.merchant.id, addDays(today, -3), { pointsIssued: 250, newMembers: 1, catalogRewardsRedeemed: 2 }),
      ],
    });
    await prisma.outboxEvent.createMany({
      data: [
        { merchantId: cafe.merchant.id, type: "mail.send", payload: {}, status: "dead", attempts: 10, lastError: "550" },
        { merchantId: cafe.merchant.id, type: "wallet.card_changed", payload: {}, status: "pending", attempts: 2, lastError: "503" },
        { merchantId: cafe.merchant.id, type: "wallet.card_changed", payload: {}, status: "pending" },
      ],
    });
  });

  const routes = [
    { name: "GET /programs", handler: programsRoute.GET, path: "/api/v1/admin/loyalty/programs", params: {} },
    { name: "GET /programs/{id}", handler: programRoute.GET, path: "/x", params: () => ({ id: cafe.program.id }) },
    { name: "GET /programs/{id}/stats", handler: programStatsRoute.GET, path: "/x", params: () => ({ id: cafe.program.id }) },
    { name: "GET /stats", handler: statsRoute.GET, path: "/api/v1/admin/loyalty/stats", params: {} },
  ];

  it.each(routes)(
    "$name: 401 without a session, 401 for an ended one, 403 for a merchant's owner or an API key, 200 for an admin",
    async (route) => {
      const { prisma } = database();
      const params = typeof route.params === "function" ? route.params() : route.params;
      const call = (headers: Record<string, string>) => callRoute(route.handler, { path: route.path, params, headers });

      const anonymous = await call({});
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ code: "UNAUTHENTICATED" });
      expect((await call({ cookie: `${COOKIE}=not-a-token` })).status).toBe(401);

      // An admin who logged out: the cookie is still signed, its session is over.
      expect((await call({ cookie: await sessionCookie(prisma, { role: "admin", revoked: true }) })).status).toBe(401);

      const merchantUser = await call({ cookie: owner });
      expect(merchantUser.status).toBe(403);
      expect(merchantUser.body).toMatchObject({ code: "FORBIDDEN" });
      expect((await call({ authorization: `Bearer ${cafe.apiKey.key}` })).status).toBe(401);

      expect((await call({ cookie: admin })).status).toBe(200);
    },
  );

  it("GET /programs lists every merchant's program with members and recent activity; searches, filters and pages", async () => {
    const list = await callRoute(programsRoute.GET, { path: "/api/v1/admin/loyalty/programs", headers: { cookie: admin } });
    const programs = list.body.programs as {
      id: string;
      merchant: { id: string; name: string; status: string };
      type: string;
      members: number;
      activeMembers30Days: number;
    }[];
    // The merchant without a program is left out; newest merchant first.
    expect(programs.map((program) => program.id)).toEqual([shop.program.id, cafe.program.id]);
    expect(programs[1]).toMatchObject({
      type: "stamps",
      members: 3,
      activeMembers30Days: 2,
      merchant: { name: "Café Lumière Gare", status: "active" },
    });
    expect(programs[0]).toMatchObject({ type: "points", members: 1, activeMembers30Days: 1 });

    const search = await callRoute(programsRoute.GET, {
      path: "/api/v1/admin/loyalty/programs?q=lumière%20GARE",
      headers: { cookie: admin },
    });
    expect((search.body.programs as { id: string }[]).map((program) => program.id)).toEqual([cafe.program.id]);
    const points = await callRoute(programsRoute.GET, { path: "/api/v1/admin/loyalty/programs?type=points", headers: { cookie: admin } });
    expect((points.body.programs as { id: string }[]).map((program) => program.id)).toEqual([shop.program.id]);

    const first = await callRoute(programsRoute.GET, { path: "/api/v1/admin/loyalty/programs?limit=1", headers: { cookie: admin } });
    expect((first.body.programs as unknown[]).length).toBe(1);
    const second = await callRoute(programsRoute.GET, {
      path: `/api/v1/admin/loyalty/programs?limit=1&cursor=${first.body.nextCursor as string}`,
      headers: { cookie: admin },
    });
    expect((second.body.programs as { id: string }[]).map((program) => program.id)).toEqual([cafe.program.id]);
    expect(second.body.nextCursor).toBeNull();

    const bad = await callRoute(programsRoute.GET, {
      path: "/api/v1/admin/loyalty/programs?status=paused&surprise=1",
      headers: { cookie: admin },
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("GET /programs/{id} gives the program with its merchant and stores; an unknown id is 404", async () => {
    const answer = await callRoute(programRoute.GET, { path: "/x", params: { id: shop.program.id }, headers: { cookie: admin } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: shop.program.id,
      type: "points",
      stampsTarget: null,
      merchant: { id: shop.merchant.id, status: "active", suspendedReason: null },
    });
    expect((answer.body.stores as unknown[]).length).toBe(2);
    expect(
      (await callRoute(programRoute.GET, { path: "/x", params: { id: crypto.randomUUID() }, headers: { cookie: admin } })).status,
    ).toBe(404);
    expect((await callRoute(programRoute.GET, { path: "/x", params: { id: "nope" }, headers: { cookie: admin } })).status).toBe(404);
  });

  it("GET /programs/{id}/stats gives the program's statistics from the summaries", async () => {
    const answer = await callRoute(programStatsRoute.GET, { path: "/x", params: { id: cafe.program.id }, headers: { cookie: admin } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      programId: cafe.program.id,
      merchantId: cafe.merchant.id,
      members: 3,
      activeMembers30Days: 2,
      stampsIssued: { today: 4, last7Days: 4, last30Days: 10 },
      rewardsRedeemed: { last30Days: 1 },
    });
    expect(
      (await callRoute(programStatsRoute.GET, { path: "/x", params: { id: crypto.randomUUID() }, headers: { cookie: admin } })).status,
    ).toBe(404);
  });

  it("GET /stats adds up the platform: merchants, stores, members, activity, wallet passes, deliveries in trouble", async () => {
    const { prisma } = database();
    await prisma.merchant.update({ where: { id: shop.merchant.id }, data: { status: "suspended", suspendedReason: "Testing" } });
    const answer = await callRoute(statsRoute.GET, { path: "/api/v1/admin/loyalty/stats", headers: { cookie: admin } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      merchants: { total: 3, active: 2, suspended: 1 },
      stores: 3,
      members: 4,
      activeMembers30Days: 3,
      newMembers: { today: 2, last30Days: 3 },
      stampsIssued: { today: 4, last30Days: 10 },
      pointsIssued: { today: 0, last30Days: 250 },
      rewardsRedeemed: { today: 0, last30Days: 3 },
      walletPasses: { apple: 1, google: 1 },
      outbox: { failing: 1, dead: 1 },
    });
  });
});
