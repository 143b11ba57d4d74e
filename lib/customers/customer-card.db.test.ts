import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { enrollCustomer } from "@/lib/cards/enroll-customer";
import { formatCardNumber } from "@/lib/domain/card-number";
import type { ServiceContext } from "@/lib/service-context";
import { seedCustomerCard } from "@/test/customers";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup, ownerContext } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { adjustCardBalance } from "./adjust-card-balance";
import { getCustomerCard } from "./get-customer-card";
import { getWalletDelivery } from "./get-wallet-delivery";
import { LEDGER_PAGE_SIZE, listCardLedger } from "./list-card-ledger";

describe("the card page's services", () => {
  const database = useTestDatabase();
  let shop: Awaited<ReturnType<typeof createMerchantSetup>>;
  let other: Awaited<ReturnType<typeof createMerchantSetup>>;
  let owner: ServiceContext;
  let cardNumber: string;
  let cardId: string;

  beforeAll(async () => {
    const { prisma } = database();
    shop = await createMerchantSetup(prisma, {
      program: { type: "hybrid", stampsTarget: 3, cooldownMinutes: 0, maxDailyStamps: 50 },
      staff: [{ name: "Mia", pin: "2468" }],
    });
    other = await createMerchantSetup(prisma);
    owner = await ownerContext(prisma, shop.merchant.id);
    await prisma.reward.createMany({
      data: [
        { merchantId: shop.merchant.id, programId: shop.program.id, name: "Cake", pointsCost: 50 },
        { merchantId: shop.merchant.id, programId: shop.program.id, name: "Mug", pointsCost: 500 },
      ],
    });
    const { card } = await enrollCustomer(shop.ctx, {
      storeId: shop.store.id,
      customer: { name: "Léa Weber", email: "lea@example.lu", phone: "+352 691 000 111", birthday: "1990-05-17", locale: "fr" },
      emailConsent: true,
    });
    cardNumber = card.cardNumber;
    cardId = card.id;
  });

  it("shows the customer, where and when they enrolled, and the balances, by a number typed with spaces", async () => {
    const card = await getCustomerCard(owner, formatCardNumber(cardNumber));
    expect(card).toMatchObject({
      cardNumber,
      enrolledAtStore: shop.store.name,
      erasedAt: null,
      customer: {
        name: "Léa Weber",
        email: "lea@example.lu",
        phone: "+352691000111",
        birthday: "1990-05-17",
        locale: "fr",
        emailConsent: true,
        emailConsentVersion: "2026-01",
      },
      program: { type: "hybrid", stampsTarget: 3 },
      balances: { stampCount: 0, pointsBalance: 0, stampsEarned: 0, stampRewardsRedeemed: 0, pointsEarned: 0, pointsSpent: 0 },
      rewards: { stampReward: false, catalog: [] },
    });
    expect(card.customer?.emailConsentAt).toBeInstanceOf(Date);
  });

  it("adjusts a balance once per form key, with the new balances, the reason and the user in the ledger", async () => {
    const key = randomUUID();
    const input = { cardNumber, stampsDelta: 3, pointsDelta: 60, reason: "Paper card transferred", idempotencyKey: key };
    const first = await adjustCardBalance(owner, input);
    expect(first).toMatchObject({ stampCount: 3, pointsBalance: 60 });
    // A double submit of the same form: the first answer, nothing written twice.
    expect(await adjustCardBalance(owner, input)).toEqual(first);
    expect((await refusal(adjustCardBalance(owner, { ...input, stampsDelta: 2 }))).code).toBe("IDEMPOTENCY_CONFLICT");
    const below = await refusal(adjustCardBalance(owner, { ...input, stampsDelta: -10, idempotencyKey: randomUUID() }));
    expect(below.details.fieldErrors).toEqual({ stampsDelta: ["validation.belowZero"] });

    const card = await getCustomerCard(owner, cardNumber);
    expect(card.balances).toMatchObject({ stampCount: 3, pointsBalance: 60 });
    expect(card.rewards).toEqual({ stampReward: true, catalog: [{ name: "Cake", pointsCost: 50 }] });
    const ledger = await listCardLedger(owner, card.id);
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.rows[0]).toMatchObject({
      type: "manual_adjustment",
      stampsDelta: 3,
      pointsDelta: 60,
      stampsAfter: 3,
      pointsAfter: 60,
      reason: "Paper card transferred",
      by: { kind: "user" },
      store: null,
    });
  });

  it("pages the ledger newest first and names who made each change", async () => {
    const { prisma } = database();
    const seeded = await seedCustomerCard(prisma, shop, { name: "Busy" });
    for (let i = 0; i < LEDGER_PAGE_SIZE + 2; i++) {
      await addStamp(shop.ctx, { card: { cardNumber: seeded.cardNumber }, storeId: shop.store.id, staffPin: "2468" });
      if ((i + 1) % 3 === 0) {
        await adjustCardBalance(owner, {
          cardNumber: seeded.cardNumber,
          stampsDelta: -3,
          pointsDelta: 0,
          reason: "Redeemed on paper",
          idempotencyKey: randomUUID(),
        });
      }
    }
    const first = await listCardLedger(owner, seeded.id);
    expect(first.rows).toHaveLength(LEDGER_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listCardLedger(owner, seeded.id, first.nextCursor!);
    const all = [...first.rows, ...second.rows];
    expect(all).toHaveLength(LEDGER_PAGE_SIZE + 2 + 7);
    expect(new Set(all.map((row) => row.id)).size).toBe(all.length);
    expect(all.map((row) => row.at.getTime())).toEqual([...all.map((row) => row.at.getTime())].sort((a, b) => b - a));
    const stamp = all.find((row) => row.type === "stamp_earned")!;
    expect(stamp).toMatchObject({ store: shop.store.name, by: { kind: "staff", name: "Mia" } });
    expect(all.at(-1)).toMatchObject({ type: "stamp_earned", stampsAfter: 1 });
  });

  it("tells what is known about the card's passes, and nothing of another card's", async () => {
    const { prisma } = database();
    const empty = await getWalletDelivery(owner, cardId);
    expect(empty).toMatchObject({
      apple: { configured: false, deliveredVersion: null, lastFetch: null, devices: [] },
      google: { configured: false, objectId: null, deliveredVersion: null, lastPatch: null },
    });
    const at = new Date("2026-02-01T10:00:00Z");
    await prisma.card.update({
      where: { id: cardId },
      data: {
        applePassVersion: 2,
        appleLastFetchedAt: at,
        appleLastFetchedVersion: 2,
        googleObjectId: `issuer.${cardId}`,
        googlePassVersion: 1,
        googleLastPatchAt: at,
        googleLastPatchResult: "ok",
      },
    });
    const card = await prisma.card.findUniqueOrThrow({ where: { id: cardId } });
    await prisma.appleDeviceRegistration.createMany({
      data: [
        {
          deviceLibraryIdentifier: "device-old",
          passTypeIdentifier: "pass.test",
          serialNumber: card.appleSerial,
          pushToken: "t1",
          cardId,
          createdAt: new Date("2026-01-01T00:00:00Z"),
        },
        {
          deviceLibraryIdentifier: "device-new",
          passTypeIdentifier: "pass.test",
          serialNumber: card.appleSerial,
          pushToken: "t2",
          cardId,
          lastPushAt: at,
          lastPushResult: "BadDeviceToken",
        },
      ],
    });
    const elsewhere = await seedCustomerCard(prisma, other, { name: "Elsewhere" });
    await prisma.outboxEvent.create({
      data: { merchantId: other.merchant.id, type: "wallet.card_changed", payload: {}, coalesceKey: `card:${elsewhere.id}` },
    });
    await prisma.outboxEvent.create({
      data: {
        merchantId: shop.merchant.id,
        type: "wallet.card_changed",
        payload: {},
        coalesceKey: `card:${cardId}`,
        status: "dead",
        attempts: 10,
        lastError: "Google said 500",
      },
    });

    const delivery = await getWalletDelivery(owner, cardId);
    expect(delivery.cardVersion).toBe(card.version);
    expect(delivery.apple).toMatchObject({ deliveredVersion: 2, lastFetch: { at, version: 2 } });
    expect(delivery.apple.devices.map((device) => [device.deviceId, device.lastPushResult])).toEqual([
      ["device-new", "BadDeviceToken"],
      ["device-old", null],
    ]);
    expect(delivery.google).toMatchObject({ objectId: `issuer.${cardId}`, deliveredVersion: 1, lastPatch: { at, result: "ok" } });
    // The adjustment wrote one wallet event; the dead one is the newest.
    expect(delivery.deliveries.map((event) => [event.status, event.lastError])).toEqual([
      ["dead", "Google said 500"],
      ["pending", null],
    ]);
  });

  it("answers NOT_FOUND for another merchant's card, whatever the way in", async () => {
    expect((await refusal(getCustomerCard(other.ctx, cardNumber))).code).toBe("NOT_FOUND");
    expect((await refusal(getCustomerCard(owner, "not a number"))).code).toBe("NOT_FOUND");
    expect((await refusal(getWalletDelivery(other.ctx, cardId))).code).toBe("NOT_FOUND");
    expect((await listCardLedger(other.ctx, cardId)).rows).toEqual([]);
    const otherOwner = await ownerContext(database().prisma, other.merchant.id);
    const attempt = adjustCardBalance(otherOwner, {
      cardNumber,
      stampsDelta: 1,
      pointsDelta: 0,
      reason: "x",
      idempotencyKey: randomUUID(),
    });
    expect((await refusal(attempt)).code).toBe("NOT_FOUND");
  });

  it("keeps an erased customer's card and balances without anything about the person", async () => {
    const { prisma } = database();
    const erased = await seedCustomerCard(prisma, shop, { name: "Gone", email: "gone@example.lu", erasedAt: new Date(), stampCount: 2 });
    const card = await getCustomerCard(owner, erased.cardNumber);
    expect(card).toMatchObject({ customer: null, balances: { stampCount: 2 } });
    expect(card.erasedAt).toBeInstanceOf(Date);
  });
});
