import { describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { earnPoints } from "@/lib/cards/earn-points";
import { fixedClock } from "@/test/clock";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";
import { getWebCard, HISTORY_SIZE } from "./get-web-card";

describe("the web card's data", () => {
  const database = useTestDatabase();

  async function hybridCard() {
    const clock = fixedClock("2026-03-02T09:00:00+01:00");
    const prisma = database().prisma;
    const setup = await createMerchantSetup(prisma, {
      clock,
      stores: 2,
      program: { type: "hybrid", stampsTarget: 10, pointsPerEuro: 1, cooldownMinutes: 0, maxDailyStamps: 100 },
    });
    const card = await createCard(prisma, setup.merchant, setup.program, { name: "Léa", email: "lea@example.com" });
    await prisma.card.update({ where: { id: card.id }, data: { createdStoreId: setup.stores[0]!.id } });
    for (const [name, pointsCost, active] of [
      ["Mug", 50, true],
      ["Cookie", 20, true],
      ["Retired", 10, false],
    ] as const) {
      await prisma.reward.create({ data: { merchantId: setup.merchant.id, programId: setup.program.id, name, pointsCost, active } });
    }
    // Six stamps at the first store, then six purchases of 5 € at the second, a minute apart: twelve ledger entries.
    for (let i = 0; i < 6; i++) {
      clock.advance(60_000);
      await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.stores[0]!.id });
    }
    for (let i = 0; i < 6; i++) {
      clock.advance(60_000);
      await earnPoints(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: setup.stores[1]!.id, purchaseAmountCents: 500 });
    }
    return { ...setup, card, clock };
  }

  it("gives the card, its program and merchant, its rewards and its latest history in one read", async () => {
    const { card, merchant, program, stores, clock } = await hybridCard();
    const web = await getWebCard(card.pageToken);
    expect(web).toMatchObject({
      pageToken: card.pageToken,
      merchant: { name: merchant.name, timeZone: "Europe/Luxembourg" },
      program: { cardName: program.cardName, type: "hybrid", stampsTarget: 10, cardColor: program.backgroundColor, logoUrl: null },
      card: { cardNumber: card.cardNumber, qrPayload: card.qrPayload, stampCount: 6, pointsBalance: 30, appleSerial: card.appleSerial },
      customer: { name: "Léa", email: "lea@example.com", emailConsent: false, emailConsentAt: null },
      // The inactive reward is not offered; the stamps' reward comes first as the next one.
      rewardsAvailable: [{ kind: "points", name: "Cookie", pointsCost: 20 }],
      nextReward: { kind: "stamps", remaining: 4, name: "A free coffee" },
      storeCode: stores[0]!.code,
    });
    expect(web!.card.createdAt).toEqual(card.createdAt);
    expect(web!.history).toHaveLength(HISTORY_SIZE);
    // Newest first: the six purchases, then the last four stamps.
    expect(web!.history.map((entry) => [entry.type, entry.stampsDelta, entry.pointsDelta, entry.storeName])).toEqual([
      ...Array.from({ length: 6 }, () => ["points_earned", 0, 5, stores[1]!.name]),
      ...Array.from({ length: 4 }, () => ["stamp_earned", 1, 0, stores[0]!.name]),
    ]);
    expect(web!.history[0]!.createdAt).toEqual(clock.now());
    expect(web!.history[9]!.createdAt).toEqual(new Date(clock.now().getTime() - 9 * 60_000));
    const ledger = await database().prisma.ledgerEntry.findMany({ where: { cardId: card.id }, orderBy: { createdAt: "desc" }, take: 10 });
    expect(web!.history.map((entry) => entry.id)).toEqual(ledger.map((entry) => entry.id));
  });

  it("names the points reward next once the stamps' is reached, links the logo, and hides an archived store's code", async () => {
    const { card, program, stores, ctx } = await hybridCard();
    const prisma = database().prisma;
    for (let i = 0; i < 4; i++) await addStamp(ctx, { card: { cardNumber: card.cardNumber }, storeId: stores[0]!.id });
    const updated = await prisma.program.update({ where: { id: program.id }, data: { logoMimeType: "image/png" } });
    await prisma.store.update({ where: { id: stores[0]!.id }, data: { archivedAt: new Date() } });
    const web = await getWebCard(card.pageToken);
    expect(web).toMatchObject({
      rewardsAvailable: [
        { kind: "stamps", name: "A free coffee" },
        { kind: "points", name: "Cookie", pointsCost: 20 },
      ],
      nextReward: { kind: "points", remaining: 20, name: "Mug" },
      program: { logoUrl: `/api/v1/loyalty/logos/${program.id}?v=${updated.updatedAt.getTime()}` },
      storeCode: null,
    });
  });

  it("shows no personal data once the customer is erased, an empty history for a new card, and nothing for a wrong token", async () => {
    const prisma = database().prisma;
    const { card } = await hybridCard();
    await prisma.customer.update({ where: { id: card.customerId }, data: { erasedAt: new Date(), name: null, email: null } });
    expect((await getWebCard(card.pageToken))!.customer).toBeNull();

    const setup = await createMerchantSetup(prisma);
    const fresh = await createCard(prisma, setup.merchant, setup.program);
    expect(await getWebCard(fresh.pageToken)).toMatchObject({
      history: [],
      storeCode: null,
      rewardsAvailable: [],
      nextReward: { kind: "stamps", remaining: 10 },
    });

    const wrong = `${fresh.pageToken.slice(0, -1)}${fresh.pageToken.endsWith("A") ? "B" : "A"}`;
    expect(await getWebCard(wrong)).toBeNull();
    expect(await getWebCard("short")).toBeNull();
    expect(await getWebCard(`${fresh.pageToken}'--`)).toBeNull();
  });
});
