import { beforeAll, describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { adjustBalance } from "@/lib/cards/adjust-balance";
import { earnPoints } from "@/lib/cards/earn-points";
import { enrollCustomer } from "@/lib/cards/enroll-customer";
import { redeemReward } from "@/lib/cards/redeem-reward";
import { redeemStamps } from "@/lib/cards/redeem-stamps";
import { OUTBOX_HANDLERS } from "@/lib/jobs/handlers";
import { OutboxWorker } from "@/lib/jobs/outbox-worker";
import { useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createMerchantSetup, ownerContext } from "@/test/factories";
import { getActivitySeries } from "./get-activity-series";
import { getLiability } from "./get-liability";
import { getOverview } from "./get-overview";
import { getProgramStats } from "./get-program-stats";
import { rebuildStats } from "./rebuild-stats";

describe("program statistics", () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-04-01T10:00:00+02:00");
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;

  beforeAll(async () => {
    const { prisma } = database();
    setup = await createMerchantSetup(prisma, {
      clock,
      stores: 2,
      staff: [
        { name: "Ana", pin: "1111", stores: [0] },
        { name: "Ben", pin: "2222", stores: [1] },
      ],
      program: { type: "hybrid", stampsTarget: 2, cooldownMinutes: 0, maxDailyStamps: 10, pointsPerEuro: 2 },
    });
    const reward = await prisma.reward.create({
      data: { merchantId: setup.merchant.id, programId: setup.program.id, name: "Mug", pointsCost: 20 },
    });
    const [gare, kirchberg] = setup.stores;
    const [ana, ben] = setup.staff;
    const at = (iso: string) => clock.set(iso);

    // 40 days ago: one member joins and is never seen again (not active in the last 30 days).
    at("2026-02-20T12:00:00+01:00");
    await enrollCustomer(setup.ctx, { storeId: gare!.id, customer: { name: "Old" }, emailConsent: false });

    // 10 days ago: Léa joins at Gare and gets two stamps from Ana (reward earned), then redeems it.
    at("2026-03-22T09:00:00+01:00");
    const lea = (await enrollCustomer(setup.ctx, { storeId: gare!.id, customer: { name: "Léa" }, emailConsent: false })).card;
    const stamp = (cardNumber: string, storeId: string, staffId: string) => addStamp(setup.ctx, { card: { cardNumber }, storeId, staffId });
    await stamp(lea.cardNumber, gare!.id, ana!.id);
    await stamp(lea.cardNumber, gare!.id, ana!.id);
    at("2026-03-28T09:00:00+01:00");
    await redeemStamps(setup.ctx, { card: { cardNumber: lea.cardNumber }, storeId: gare!.id, staffId: ana!.id });

    // Today: Max joins at Kirchberg, buys twice (12.99 € → 25 points and 5.01 € → 10 at 2 per euro) and redeems the mug; Léa gets a stamp.
    at("2026-04-01T08:00:00+02:00");
    const max = (await enrollCustomer(setup.ctx, { storeId: kirchberg!.id, customer: { name: "Max" }, emailConsent: false })).card;
    await earnPoints(setup.ctx, {
      card: { cardNumber: max.cardNumber },
      storeId: kirchberg!.id,
      staffId: ben!.id,
      purchaseAmountCents: 1299,
    });
    await earnPoints(setup.ctx, {
      card: { cardNumber: max.cardNumber },
      storeId: kirchberg!.id,
      staffId: ben!.id,
      purchaseAmountCents: 501,
    });
    await redeemReward(setup.ctx, { card: { cardNumber: max.cardNumber }, storeId: kirchberg!.id, staffId: ben!.id, rewardId: reward.id });
    at("2026-04-01T10:00:00+02:00");
    await stamp(lea.cardNumber, gare!.id, ana!.id);
    // The owner corrects both: Léa 1 → 5 stamps (two rewards at a target of 2), Max 15 → 10 points.
    const owner = await ownerContext(prisma, setup.merchant.id, clock);
    at("2026-04-01T10:01:00+02:00");
    await adjustBalance(owner, { card: { cardNumber: lea.cardNumber }, stampsDelta: 4, pointsDelta: 0, reason: "Paper card carried over" });
    await adjustBalance(owner, { card: { cardNumber: max.cardNumber }, stampsDelta: 0, pointsDelta: -5, reason: "Returned item" });

    await new OutboxWorker({ handlers: OUTBOX_HANDLERS, clock }).drain();
  });

  it("count members, activity, issue and redemption by period, store and staff member", async () => {
    const stats = await getProgramStats(setup.ctx);
    expect(stats).toMatchObject({
      timeZone: "Europe/Luxembourg",
      members: 3,
      activeMembers30Days: 2,
      newMembers: { today: 1, last7Days: 1, last30Days: 2 },
      returningMembers30Days: 0,
      stampsIssued: { today: 1, last7Days: 1, last30Days: 3 },
      pointsIssued: { today: 35, last7Days: 35, last30Days: 35 },
      pointsRedeemed: { today: 20, last7Days: 20, last30Days: 20 },
      rewardsEarned: { today: 0, last7Days: 0, last30Days: 1 },
      rewardsRedeemed: { today: 1, last7Days: 2, last30Days: 2 },
      redemptionRate30Days: 1,
      averagePurchaseCents30Days: 900,
    });
    const gare = stats.byStore.find((row) => row.storeId === setup.stores[0]!.id);
    const kirchberg = stats.byStore.find((row) => row.storeId === setup.stores[1]!.id);
    expect(gare).toMatchObject({ name: setup.stores[0]!.name, stampsIssued: 3, rewardsRedeemed: 1, newMembers: 1 });
    expect(kirchberg).toMatchObject({
      stampsIssued: 0,
      pointsIssued: 35,
      purchases: 2,
      purchaseCents: 1800,
      rewardsRedeemed: 1,
      newMembers: 1,
    });
    expect(stats.byStaff.find((row) => row.name === "Ana")).toMatchObject({ stampsIssued: 3, rewardsRedeemed: 1 });
    expect(stats.byStaff.find((row) => row.name === "Ben")).toMatchObject({ pointsIssued: 35, purchases: 2 });
  });

  it("give the liability: stamp rewards not redeemed yet and points outstanding", async () => {
    expect(await getLiability(setup.ctx)).toEqual({
      stampRewardsAvailable: 2,
      cardsWithStampReward: 1,
      stampsOutstanding: 5,
      pointsOutstanding: 10,
    });
  });

  it("give day-by-day series in total, by store and by staff member, with zeros on quiet days", async () => {
    const series = await getActivitySeries(setup.ctx, 30);
    expect(series.days).toHaveLength(30);
    expect(series.days[0]).toBe("2026-03-03");
    expect(series.days.at(-1)).toBe("2026-04-01");
    const on = (day: string) => series.days.indexOf(day);
    expect(series.total[on("2026-03-22")]).toEqual({ stamps: 2, points: 0, newMembers: 1, redemptions: 0 });
    expect(series.total[on("2026-03-28")]).toEqual({ stamps: 0, points: 0, newMembers: 0, redemptions: 1 });
    expect(series.total[on("2026-04-01")]).toEqual({ stamps: 1, points: 35, newMembers: 1, redemptions: 1 });
    expect(series.total[on("2026-03-25")]).toEqual({ stamps: 0, points: 0, newMembers: 0, redemptions: 0 });
    const gare = series.byStore.find((row) => row.id === setup.stores[0]!.id)!;
    expect(gare.name).toBe(setup.stores[0]!.name);
    expect(gare.figures[on("2026-04-01")]).toEqual({ stamps: 1, points: 0, newMembers: 0, redemptions: 0 });
    const ben = series.byStaff.find((row) => row.name === "Ben")!;
    expect(ben.figures[on("2026-04-01")]).toEqual({ stamps: 0, points: 35, newMembers: 0, redemptions: 1 });
    // Enrollments are made without a staff member: their own group, id and name null (the chart names it).
    const noStaff = series.byStaff.find((row) => row.id === null)!;
    expect(noStaff.name).toBeNull();
    expect(noStaff.figures[on("2026-03-22")]).toEqual({ stamps: 0, points: 0, newMembers: 1, redemptions: 0 });
    expect(series.byStore.every((row) => row.figures.length === 30)).toBe(true);
    // The member who joined 40 days ago is outside 30 days but inside 90.
    const ninety = await getActivitySeries(setup.ctx, 90);
    expect(ninety.total.reduce((sum, day) => sum + day.newMembers, 0)).toBe(3);
  });

  it("give the overview from one read: the same statistics, the 90-day series and the liability", async () => {
    const overview = await getOverview(setup.ctx, "Europe/Luxembourg");
    expect(overview.stats).toEqual(await getProgramStats(setup.ctx));
    const { days, total } = await getActivitySeries(setup.ctx, 90);
    expect(overview.series).toEqual({ days, total });
    expect(overview.liability).toEqual(await getLiability(setup.ctx));
    expect(overview.program).toEqual({ type: "hybrid", stampsTarget: 2 });
    expect(overview.firstStore).toEqual({ id: setup.stores[0]!.id, name: setup.stores[0]!.name });
  });

  it("count a liability against the current target", async () => {
    const { prisma } = database();
    await prisma.program.update({ where: { id: setup.program.id }, data: { stampsTarget: 5 } });
    try {
      expect(await getLiability(setup.ctx)).toMatchObject({ stampRewardsAvailable: 1, cardsWithStampReward: 1, stampsOutstanding: 5 });
    } finally {
      await prisma.program.update({ where: { id: setup.program.id }, data: { stampsTarget: 2 } });
    }
  });

  it("kept incrementally, equal what a rebuild from the ledger computes", async () => {
    const { prisma } = database();
    const snapshot = async () => ({
      daily: await prisma.activityDaily.findMany({
        where: { merchantId: setup.merchant.id },
        orderBy: [{ day: "asc" }, { storeKey: "asc" }, { staffKey: "asc" }],
      }),
      activity: (await prisma.cardActivityDay.findMany({ where: { merchantId: setup.merchant.id }, orderBy: { day: "asc" } })).filter(
        (row) => row.cards !== 0,
      ),
      stampCounts: (
        await prisma.cardStampCount.findMany({ where: { merchantId: setup.merchant.id }, orderBy: { stampCount: "asc" } })
      ).filter((row) => row.cards !== 0),
      points: await prisma.pointsOutstanding.findUnique({ where: { merchantId: setup.merchant.id } }),
    });
    const incremental = await snapshot();
    await prisma.$transaction((tx) => rebuildStats(tx, setup.merchant.id));
    expect(await snapshot()).toEqual(incremental);
  });
});
