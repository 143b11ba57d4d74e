import { beforeAll, describe, expect, it } from "vitest";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createCard, createMerchant } from "@/test/factories";

// #2: the database itself refuses to change or remove ledger rows.
describe("the ledger is immutable", () => {
  const database = useTestDatabase();
  let entryId = "";

  beforeAll(async () => {
    const { prisma } = database();
    const { merchant, program, store } = await createMerchant(prisma);
    const card = await createCard(prisma, merchant, program);
    const entry = await prisma.ledgerEntry.create({
      data: {
        merchantId: merchant.id,
        cardId: card.id,
        storeId: store.id,
        type: "stamp_earned",
        stampsDelta: 1,
        stampsAfter: 1,
        pointsAfter: 0,
      },
    });
    entryId = entry.id;
  });

  it(`accepts new rows on ${databaseKind()}`, async () => {
    expect(await database().prisma.ledgerEntry.count({ where: { id: entryId } })).toBe(1);
  });

  it("refuses UPDATE through Prisma and through SQL", async () => {
    const { prisma } = database();
    await expect(prisma.ledgerEntry.update({ where: { id: entryId }, data: { stampsDelta: 5 } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE ledger_entries SET stamps_delta = 5 WHERE id = '${entryId}'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(prisma.ledgerEntry.updateMany({ data: { reason: "edited" } })).rejects.toThrow(/append-only/);
  });

  it("refuses DELETE and TRUNCATE", async () => {
    const { prisma } = database();
    await expect(prisma.ledgerEntry.delete({ where: { id: entryId } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe("DELETE FROM ledger_entries")).rejects.toThrow(/append-only: DELETE/);
    await expect(prisma.$executeRawUnsafe("TRUNCATE ledger_entries CASCADE")).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it("left the row exactly as written", async () => {
    const entry = await database().prisma.ledgerEntry.findUniqueOrThrow({ where: { id: entryId } });
    expect(entry).toMatchObject({ stampsDelta: 1, stampsAfter: 1, reason: null });
  });
});
