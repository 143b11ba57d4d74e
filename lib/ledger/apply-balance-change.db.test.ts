import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";
import { applyBalanceChange } from "./apply-balance-change";
import { lockCard } from "./lock-card";

describe("applyBalanceChange", () => {
  const database = useTestDatabase();

  it("writes nothing at all when the card changed since the decision was made (compare-and-swap on the version)", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const card = await createCard(prisma, setup.merchant, setup.program);
    const snapshot = await prisma.$transaction((tx) => lockCard(tx, setup.merchant.id, { cardNumber: card.cardNumber }));
    const change = (entryId: string) => ({
      entryId,
      card: snapshot,
      timeZone: "Europe/Luxembourg",
      type: "stamp_earned" as const,
      stampsDelta: 1,
      pointsDelta: 0,
      storeId: setup.store.id,
      staffMemberId: null,
      idempotency: { key: `k-${entryId}`, requestHash: "h", response: { ok: true } },
    });

    expect(await applyBalanceChange(prisma, setup.ctx, change(newId()))).toEqual({ version: snapshot.version + 1 });
    const outboxBefore = await prisma.outboxEvent.count();
    // The same stale snapshot again: another change got there first.
    const stale = newId();
    expect(await applyBalanceChange(prisma, setup.ctx, change(stale))).toBeNull();
    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(1);
    expect(await prisma.ledgerEntry.findUnique({ where: { id: stale } })).toBeNull();
    expect(await prisma.outboxEvent.count()).toBe(outboxBefore);
    expect(await prisma.idempotencyRecord.count({ where: { key: `k-${stale}` } })).toBe(0);
    expect((await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).stampCount).toBe(1);
  });
});
