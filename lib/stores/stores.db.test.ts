import { describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { enrollCustomer } from "@/lib/cards/enroll-customer";
import { getCounterContext } from "@/lib/programs/get-counter-context";
import { createStaffMember } from "@/lib/staff/manage-staff";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup, ownerContext } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { archiveStore } from "./archive-store";
import { createStore } from "./create-store";
import { getStore } from "./get-store";
import { listStores } from "./list-stores";
import { restoreStore } from "./restore-store";
import { updateStoreInputSchema } from "./schemas";
import { updateStore } from "./update-store";

describe("stores", () => {
  const database = useTestDatabase();

  it("are edited by name and address only, with an audit entry, and the code never changes", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const store = await createStore(owner, { name: "Gare", address: "1 Place de la Gare", code: "GARE2025" });

    const updated = await updateStore(owner, { storeId: store.id, name: "Gare centrale", address: "2 Place de la Gare" });
    expect(updated).toMatchObject({ name: "Gare centrale", address: "2 Place de la Gare", code: "GARE2025", joinUrl: store.joinUrl });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { targetId: store.id, action: "store.updated" } });
    expect(audit).toMatchObject({ merchantId: setup.merchant.id, actorType: "user", userId: (owner.actor as { userId: string }).userId });
    expect(audit.details).toEqual({
      name: { from: "Gare", to: "Gare centrale" },
      address: { from: "1 Place de la Gare", to: "2 Place de la Gare" },
    });

    // An emptied address field clears it; an unchanged save writes no audit entry.
    expect((await updateStore(owner, { storeId: store.id, name: "Gare centrale", address: "" })).address).toBeNull();
    await updateStore(owner, { storeId: store.id, name: "Gare centrale", address: null });
    expect(await prisma.auditLog.count({ where: { targetId: store.id, action: "store.updated" } })).toBe(2);

    // The form and the API cannot send a new code: the schema refuses the field.
    const parsed = updateStoreInputSchema.safeParse({ storeId: store.id, name: "Gare", code: "OTHER123" });
    expect(parsed.success).toBe(false);
    expect((await getStore(owner, store.id)).code).toBe("GARE2025");
  });

  it("of another merchant, or ids that are not ids, are not found", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const other = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);

    expect((await refusal(getStore(owner, other.store.id))).code).toBe("NOT_FOUND");
    expect((await refusal(getStore(owner, "not-a-uuid"))).code).toBe("NOT_FOUND");
    expect((await refusal(updateStore(owner, { storeId: other.store.id, name: "Mine now" }))).code).toBe("NOT_FOUND");
    expect((await refusal(archiveStore(owner, { storeId: other.store.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(restoreStore(owner, { storeId: other.store.id }))).code).toBe("NOT_FOUND");

    const untouched = await prisma.store.findUniqueOrThrow({ where: { id: other.store.id } });
    expect(untouched).toMatchObject({ name: other.store.name, archivedAt: null });
    expect(await prisma.auditLog.count({ where: { targetId: other.store.id } })).toBe(0);
    expect((await listStores(owner)).map((store) => store.id)).not.toContain(other.store.id);
  });

  it("archived take no stamps, enrollments or staff, are listed after the open ones, and come back when restored", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { stores: 2 });
    const owner = await ownerContext(prisma, setup.merchant.id);
    const [closing, staying] = setup.stores as [(typeof setup.stores)[0], (typeof setup.stores)[0]];
    const card = await createCard(prisma, setup.merchant, setup.program);

    // The counter's rules for the store are cached now: archiving must evict them.
    await getCounterContext(setup.merchant.id, closing.id, Date.now());
    const archived = await archiveStore(owner, { storeId: closing.id });
    expect(archived.archived).toBe(true);
    expect(await prisma.auditLog.count({ where: { targetId: closing.id, action: "store.archived" } })).toBe(1);
    // Archiving twice changes nothing and records nothing more.
    await archiveStore(owner, { storeId: closing.id });
    expect(await prisma.auditLog.count({ where: { targetId: closing.id, action: "store.archived" } })).toBe(1);

    expect((await refusal(getCounterContext(setup.merchant.id, closing.id, Date.now()))).code).toBe("NOT_FOUND");
    expect((await refusal(addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: closing.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(enrollCustomer(setup.ctx, { storeId: closing.id, customer: {}, emailConsent: false }))).code).toBe("NOT_FOUND");
    const staffRefused = await refusal(createStaffMember(owner, { name: "Nina", pin: "482913", storeIds: [closing.id] }));
    expect(staffRefused.code).toBe("VALIDATION_FAILED");
    expect(staffRefused.details.fieldErrors).toEqual({ storeIds: ["validation.storeNotFound"] });

    const listed = await listStores(owner);
    expect(listed.map((store) => [store.id, store.archived])).toEqual([
      [staying.id, false],
      [closing.id, true],
    ]);

    const restored = await restoreStore(owner, { storeId: closing.id });
    expect(restored.archived).toBe(false);
    expect(await prisma.auditLog.count({ where: { targetId: closing.id, action: "store.restored" } })).toBe(1);
    const stamped = await addStamp(setup.ctx, { card: { cardNumber: card.cardNumber }, storeId: closing.id });
    expect(stamped.result.stampCount).toBe(1);
  });
});
