import { describe, expect, it } from "vitest";
import { earnPoints } from "@/lib/cards/earn-points";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createCard, createMerchantSetup } from "@/test/factories";
import { SCHEDULED_JOBS } from "../scheduled-jobs";
import { JobScheduler } from "../scheduler";
import { expirePoints } from "./expire-points";

describe(`loyalty.expire_points on ${databaseKind()}`, () => {
  const database = useTestDatabase();

  async function setupWithPoints(expiryMonths: number | null) {
    const prisma = database().prisma;
    const clock = fixedClock("2025-09-01T10:00:00Z");
    const setup = await createMerchantSetup(prisma, {
      clock,
      program: { type: "points", pointsPerEuro: 1, pointsExpiryMonths: expiryMonths },
    });
    const earn = async (cardNumber: string, cents: number, at: string) => {
      clock.set(at);
      await earnPoints(setup.ctx, { card: { cardNumber }, storeId: setup.store.id, purchaseAmountCents: cents });
    };
    const inactive = await createCard(prisma, setup.merchant, setup.program);
    const active = await createCard(prisma, setup.merchant, setup.program);
    await earn(inactive.cardNumber, 4_000, "2025-09-01T10:00:00Z");
    // 02:30 on 29 September, Luxembourg time: six months later falls on the night the clocks go forward.
    await earn(inactive.cardNumber, 8_050, "2025-09-29T00:30:00Z");
    await earn(active.cardNumber, 5_000, "2025-09-01T10:00:00Z");
    await earn(active.cardNumber, 1_000, "2026-03-01T10:00:00Z");
    return { prisma, setup, inactive, active };
  }

  it("takes exactly the balance of a card inactive past the limit, once, with a ledger row, across two runs a day and the DST change", async () => {
    const { prisma, setup, inactive, active } = await setupWithPoints(6);
    const expiryJob = SCHEDULED_JOBS.filter((job) => job.name === "loyalty.expire_points");
    const clock = fixedClock("2026-03-27T12:00:00Z");
    const a = new JobScheduler({ jobs: expiryJob, prisma, clock, instanceId: "a" });
    const b = new JobScheduler({ jobs: expiryJob, prisma, clock, instanceId: "b" });
    // Every 15 minutes over four days around 29 March 2026 (Luxembourg: 02:00 CET jumps to 03:00 CEST), two instances.
    const expiredAt: string[] = [];
    while (clock.now() < new Date("2026-03-31T12:00:00Z")) {
      await Promise.all([a.tick(), b.tick()]);
      const rows = await prisma.ledgerEntry.count({ where: { cardId: inactive.id, type: "points_expired" } });
      if (rows > expiredAt.length) expiredAt.push(clock.now().toISOString());
      clock.advance(15 * 60_000);
    }

    // Inactive since 29 September 02:30: not yet at the run of 28 March (02:00), past it at the run of 29 March (03:00 CEST).
    const entries = await prisma.ledgerEntry.findMany({ where: { cardId: inactive.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(entries.map((entry) => [entry.type, entry.pointsDelta, entry.pointsAfter])).toEqual([
      ["points_earned", 40, 40],
      ["points_earned", 80, 120],
      ["points_expired", -120, 0],
    ]);
    expect(expiredAt).toEqual(["2026-03-29T01:00:00.000Z"]);
    const card = await prisma.card.findUniqueOrThrow({ where: { id: inactive.id } });
    expect(card.pointsBalance).toBe(0);
    // Expiry is not activity: the card's last activity stays the last purchase.
    expect(card.lastActivityAt?.toISOString()).toBe("2025-09-29T00:30:00.000Z");
    expect((await prisma.card.findUniqueOrThrow({ where: { id: active.id } })).pointsBalance).toBe(60);
    expect(await prisma.ledgerEntry.count({ where: { cardId: active.id, type: "points_expired" } })).toBe(0);

    // One run per merchant-local day: the 27th (at the start), 28th, 29th (at 03:00 CEST, 02:00 not existing), 30th, 31st.
    const runs = await prisma.scheduledJobRun.findMany({ where: { merchantId: setup.merchant.id }, orderBy: { startedAt: "asc" } });
    expect(runs.map((run) => [run.periodKey.slice(0, 10), run.startedAt.toISOString()])).toEqual([
      ["2026-03-27", "2026-03-27T12:00:00.000Z"],
      ["2026-03-28", "2026-03-28T01:00:00.000Z"],
      ["2026-03-29", "2026-03-29T01:00:00.000Z"],
      ["2026-03-30", "2026-03-30T00:00:00.000Z"],
      ["2026-03-31", "2026-03-31T00:00:00.000Z"],
    ]);
    expect(runs[1]!.summary).toEqual({ cards: 0, points: 0 });
    expect(runs[2]!.summary).toEqual({ cards: 1, points: 120 });

    // The wallets and the statistics hear of it with the change.
    const events = await prisma.outboxEvent.findMany({
      where: { merchantId: setup.merchant.id, createdAt: new Date("2026-03-29T01:00:00Z") },
    });
    expect(events.map((event) => event.type).sort()).toEqual(["stats.activity", "wallet.card_changed"]);
    expect((await verifyLedger(prisma)).mismatches).toEqual([]);
  });

  it("is idempotent when run twice, and at the autumn change too; never when the program keeps points", async () => {
    const { prisma, inactive, setup } = await setupWithPoints(6);
    const ctx = (iso: string) => ({ prisma, clock: fixedClock(iso), now: new Date(iso), merchantId: setup.merchant.id, instanceId: "t" });
    // 25 October 2026 at 02:30 local happens twice (CEST, then CET): two runs, one expiry.
    expect(await expirePoints(ctx("2026-10-25T00:30:00Z"))).toEqual({ cards: 2, points: 180 });
    expect(await expirePoints(ctx("2026-10-25T01:30:00Z"))).toEqual({ cards: 0, points: 0 });
    expect(await prisma.ledgerEntry.count({ where: { cardId: inactive.id, type: "points_expired" } })).toBe(1);

    const keeping = await setupWithPoints(null);
    const keepCtx = { ...ctx("2030-01-01T01:00:00Z"), merchantId: keeping.setup.merchant.id };
    expect(await expirePoints(keepCtx)).toEqual({ cards: 0, points: 0 });
    expect((await prisma.card.findUniqueOrThrow({ where: { id: keeping.inactive.id } })).pointsBalance).toBe(120);
    expect((await verifyLedger(prisma)).mismatches).toEqual([]);
  });
});
