import { beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/service-context";
import { useTestDatabase } from "@/test/db";
import { refusal } from "@/test/refusal";
import { createCard, createMerchantSetup, ownerContext } from "@/test/factories";
import { adjustBalance } from "./adjust-balance";

describe("adjustBalance", () => {
  const database = useTestDatabase();
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;
  let owner: ServiceContext;
  let manager: ServiceContext;

  beforeAll(async () => {
    const { prisma } = database();
    setup = await createMerchantSetup(prisma, { program: { type: "hybrid" } });
    owner = await ownerContext(prisma, setup.merchant.id);
    manager = { ...owner, actor: { type: "user", userId: (owner.actor as { userId: string }).userId, role: "manager" } };
  });

  it("lets an owner or a manager correct a balance, with the reason and the user in the ledger", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    const up = await adjustBalance(owner, {
      card: { cardNumber: card.cardNumber },
      stampsDelta: 3,
      pointsDelta: 40,
      reason: "Paper card transferred",
    });
    expect(up.result).toMatchObject({ stampCount: 3, pointsBalance: 40 });
    const down = await adjustBalance(manager, {
      card: { qrCode: card.qrPayload },
      stampsDelta: -1,
      pointsDelta: 0,
      reason: "  Stamp given twice  ",
    });
    expect(down.result).toMatchObject({ stampCount: 2, pointsBalance: 40 });
    const entries = await prisma.ledgerEntry.findMany({ where: { cardId: card.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => [e.type, e.stampsDelta, e.pointsDelta, e.reason, e.userId])).toEqual([
      ["manual_adjustment", 3, 40, "Paper card transferred", (owner.actor as { userId: string }).userId],
      ["manual_adjustment", -1, 0, "Stamp given twice", (owner.actor as { userId: string }).userId],
    ]);
  });

  it("refuses an API key or a device, a missing reason, a change of nothing and a balance below zero, writing nothing", async () => {
    const { prisma } = database();
    const card = await createCard(prisma, setup.merchant, setup.program);
    const ref = { cardNumber: card.cardNumber };
    expect((await refusal(adjustBalance(setup.ctx, { card: ref, stampsDelta: 1, pointsDelta: 0, reason: "x" }))).code).toBe("FORBIDDEN");
    const device: ServiceContext = { ...setup.ctx, actor: { type: "device", deviceId: setup.store.id } };
    expect((await refusal(adjustBalance(device, { card: ref, stampsDelta: 1, pointsDelta: 0, reason: "x" }))).code).toBe("FORBIDDEN");
    const noReason = await refusal(adjustBalance(owner, { card: ref, stampsDelta: 1, pointsDelta: 0, reason: "   " }));
    expect(noReason).toMatchObject({ code: "VALIDATION_FAILED", details: { fieldErrors: { reason: ["validation.reasonRequired"] } } });
    expect((await refusal(adjustBalance(owner, { card: ref, stampsDelta: 0, pointsDelta: 0, reason: "x" }))).code).toBe(
      "VALIDATION_FAILED",
    );
    const negative = await refusal(adjustBalance(owner, { card: ref, stampsDelta: 0, pointsDelta: -1, reason: "x" }));
    expect(negative.details.fieldErrors).toEqual({ pointsDelta: ["validation.belowZero"] });
    expect(await prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(0);
  });
});
