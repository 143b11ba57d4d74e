import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { refusal } from "@/test/refusal";
import { fixedClock } from "@/test/clock";
import { createCard, createMerchantSetup } from "@/test/factories";
import { addStamp } from "./add-stamp";
import { redeemStamps } from "./redeem-stamps";

describe("addStamp", () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-10T09:00:00+01:00");
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma, {
      program: { stampsTarget: 3, cooldownMinutes: 15, maxDailyStamps: 2, requireStaffPin: false },
      clock,
    });
  });

  it("adds a stamp, writes the ledger row with balances after, bumps the version and records outbox events", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    const { result, replayed } = await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
    expect(replayed).toBe(false);
    expect(result).toMatchObject({
      cardNumber: card.cardNumber,
      stampCount: 1,
      stampsTarget: 3,
      rewardEarned: false,
      rewardAvailable: false,
      stampsToday: 1,
    });
    expect(result.nextStampAvailableAt).toBe("2026-03-10T08:15:00.000Z");

    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(after).toMatchObject({ stampCount: 1, stampsEarned: 1, version: card.version + 1, stampsOnDay: 1 });
    expect(after.lastStampAt?.toISOString()).toBe("2026-03-10T08:00:00.000Z");
    const entries = await prisma.ledgerEntry.findMany({ where: { cardId: card.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: result.transactionId,
      type: "stamp_earned",
      stampsDelta: 1,
      stampsAfter: 1,
      pointsAfter: 0,
      storeId: setup.store.id,
      apiKeyId: setup.apiKey.id,
    });
    const events = await prisma.outboxEvent.findMany({
      where: { merchantId: setup.merchant.id, payload: { path: ["cardId"], equals: card.id } },
    });
    expect(events.map((event) => event.type)).toEqual(["wallet.card_changed"]);
    expect(events[0]!.payload).toEqual({ cardId: card.id, version: after.version });
  });

  it("finds the card by its QR payload too", async () => {
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    const { result } = await addStamp(setup.ctx, { card: { qrCode: card.qrPayload }, storeId: setup.store.id });
    expect(result.cardNumber).toBe(card.cardNumber);
  });

  it("refuses during the cooldown, saying when the next stamp is possible, and writes nothing", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
    clock.advance(14 * 60_000);
    const error = await refusal(addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id }));
    expect(error.code).toBe("COOLDOWN_ACTIVE");
    expect(error.details.retryAfter).toBe(60);
    expect(error.details.extra).toMatchObject({ nextStampAvailableAt: "2026-03-10T08:15:00.000Z" });
    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(1);
    expect((await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).version).toBe(card.version + 1);

    clock.advance(60_000);
    await expect(addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id })).resolves.toBeTruthy();
  });

  it("enforces the daily limit per calendar day in the merchant's time zone, then the full card, then redemption", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    const stamp = () => addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
    clock.set("2026-03-11T22:00:00+01:00");
    await stamp();
    clock.set("2026-03-11T23:30:00+01:00");
    await stamp();
    clock.set("2026-03-11T23:50:00+01:00");
    const limit = await refusal(stamp());
    expect(limit.code).toBe("DAILY_LIMIT_REACHED");
    // Midnight in Luxembourg, not in UTC.
    expect(limit.details.extra).toMatchObject({ nextStampAvailableAt: "2026-03-11T23:00:00.000Z", stampsToday: 2 });
    expect(limit.details.retryAfter).toBe(600);

    clock.set("2026-03-12T00:05:00+01:00");
    const third = await stamp();
    expect(third.result).toMatchObject({
      stampCount: 3,
      rewardEarned: true,
      rewardAvailable: true,
      stampsToday: 1,
      rewardDescription: "A free coffee",
    });

    clock.set("2026-03-12T10:00:00+01:00");
    expect((await refusal(stamp())).code).toBe("CARD_FULL");

    const redeemed = await redeemStamps(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id });
    expect(redeemed.result).toMatchObject({ stampCount: 0, rewardDescription: "A free coffee" });
    expect((await refusal(redeemStamps(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id }))).code).toBe(
      "REWARD_NOT_AVAILABLE",
    );
    const entries = await prisma.ledgerEntry.findMany({ where: { cardId: card.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.type, entry.stampsDelta, entry.stampsAfter])).toEqual([
      ["stamp_earned", 1, 1],
      ["stamp_earned", 1, 2],
      ["stamp_earned", 1, 3],
      ["stamp_reward_redeemed", -3, 0],
    ]);
  });

  it("answers NOT_FOUND for another merchant's card, and for a store of another merchant", async () => {
    const { prisma } = database();
    const other = await createMerchantSetup(prisma, { clock });
    const theirs = await createCard(prisma, other.merchant, other.program);
    const mine = await createCard(prisma, setup.merchant, setup.program);
    expect((await refusal(addStamp(setup.ctx, { card: { cardNumber: theirs.cardNumber }, storeId: setup.store.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(addStamp(setup.ctx, { card: { cardNumber: mine.cardNumber }, storeId: other.store.id }))).code).toBe("NOT_FOUND");
    expect(await prisma.ledgerEntry.count({ where: { cardId: { in: [theirs.id, mine.id] } } })).toBe(0);
  });

  it("replays the first answer for a repeated idempotency key, and refuses the key with another request", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    clock.set("2026-03-20T09:00:00+01:00");
    const idempotency = { key: "tap-1", requestHash: "hash-a" };
    const first = await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id, idempotency });
    const again = await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.store.id, idempotency });
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(1);
    const conflict = await refusal(
      addStamp(setup.ctx, {
        card: { cardNumber: card.cardNumber },
        storeId: setup.store.id,
        idempotency: { key: "tap-1", requestHash: "hash-b" },
      }),
    );
    expect(conflict.code).toBe("IDEMPOTENCY_CONFLICT");
  });
});
