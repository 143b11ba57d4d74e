import { describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { OUTBOX_HANDLERS } from "@/lib/jobs/handlers";
import { OutboxWorker } from "@/lib/jobs/outbox-worker";
import { registerWalletProvider } from "@/lib/wallet/wallet-service";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createCard, createMerchantSetup } from "@/test/factories";
import { syncWalletPasses } from "./sync-wallet-passes";

describe(`loyalty.sync_wallet_passes on ${databaseKind()}`, () => {
  const database = useTestDatabase();

  it("picks up a card whose push failed for good, and the worker brings its pass up to date", async () => {
    const prisma = database().prisma;
    const clock = fixedClock("2026-06-01T09:00:00Z");
    const shop = await createMerchantSetup(prisma, { clock });
    const google = await createCard(prisma, shop.merchant, shop.program);
    const apple = await createCard(prisma, shop.merchant, shop.program);
    const noWallet = await createCard(prisma, shop.merchant, shop.program);
    await prisma.card.update({ where: { id: google.id }, data: { googleObjectId: `issuer.${google.id}`, googlePassVersion: 1 } });
    await prisma.appleDeviceRegistration.create({
      data: {
        deviceLibraryIdentifier: "device-1",
        passTypeIdentifier: "pass.test",
        serialNumber: apple.appleSerial,
        pushToken: "t",
        cardId: apple.id,
      },
    });
    await prisma.card.update({ where: { id: apple.id }, data: { applePassVersion: 1 } });

    // A wallet that is down: every update fails, and with one attempt allowed the events end up dead.
    let walletUp = false;
    const delivered: string[] = [];
    registerWalletProvider({
      name: "sync-test",
      async updateCard(cardId) {
        if (!walletUp) throw new Error("wallet service unavailable");
        const card = await prisma.card.findUniqueOrThrow({ where: { id: cardId }, select: { version: true, googleObjectId: true } });
        await prisma.card.update({
          where: { id: cardId },
          data: card.googleObjectId ? { googlePassVersion: card.version } : { applePassVersion: card.version },
        });
        delivered.push(cardId);
      },
      async updateProgram() {},
    });
    const worker = new OutboxWorker({ handlers: OUTBOX_HANDLERS, maxAttempts: 1, workerId: "sync-test" });
    for (const card of [google, apple, noWallet])
      await addStamp(shop.ctx, { card: { cardNumber: card.cardNumber }, storeId: shop.store.id });
    await worker.drain();
    expect(await prisma.outboxEvent.count({ where: { type: "wallet.card_changed", status: "dead" } })).toBe(3);
    expect((await prisma.card.findUniqueOrThrow({ where: { id: google.id } })).googlePassVersion).toBe(1);

    // The hourly job finds the two passes that are behind (not the card in no wallet), once while their update is pending.
    const ctx = { prisma, clock, now: clock.now(), merchantId: null, instanceId: "t" };
    expect(await syncWalletPasses(ctx)).toEqual({ cards: 2 });
    expect(await syncWalletPasses(ctx)).toEqual({ cards: 0 });
    const queued = await prisma.outboxEvent.findMany({ where: { type: "wallet.card_changed", status: "pending" } });
    expect(queued.map((event) => event.coalesceKey).sort()).toEqual([`card:${apple.id}`, `card:${google.id}`].sort());

    walletUp = true;
    await worker.drain();
    expect(delivered.sort()).toEqual([apple.id, google.id].sort());
    const [googleCard, appleCard] = await Promise.all([
      prisma.card.findUniqueOrThrow({ where: { id: google.id } }),
      prisma.card.findUniqueOrThrow({ where: { id: apple.id } }),
    ]);
    expect(googleCard.googlePassVersion).toBe(googleCard.version);
    expect(appleCard.applePassVersion).toBe(appleCard.version);
    expect(await syncWalletPasses({ ...ctx, now: new Date("2026-06-01T10:00:00Z") })).toEqual({ cards: 0 });
  });
});
