import { describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { fixedClock } from "@/test/clock";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup, ownerContext } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { getStaffMember } from "./get-staff-member";
import { createStaffMember, deactivateStaffMember, listStaff, unlockStaffMember, updateStaffMember } from "./manage-staff";

describe("staff management from the dashboard", () => {
  const database = useTestDatabase();

  it("creates, renames, moves, gives a new PIN, unlocks and deactivates, recording each change", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { stores: 2 });
    // Each change a moment after the one before, so the audit log's order is the order of the changes.
    let tick = 0;
    const owner = await ownerContext(prisma, setup.merchant.id, { now: () => new Date(Date.now() + tick++) });
    const [first, second] = setup.stores;

    const sam = await createStaffMember(owner, { name: "Sam", pin: "402913", storeIds: [first!.id] });
    expect(sam).toMatchObject({ name: "Sam", storeIds: [first!.id], active: true, locked: false, failedAttempts: 0, lastActivityAt: null });
    expect(await getStaffMember(owner, sam.id)).toEqual(sam);

    const edited = await updateStaffMember(owner, sam.id, { name: "Samira", storeIds: [first!.id, second!.id] });
    expect(edited).toMatchObject({ name: "Samira", storeIds: [first!.id, second!.id].sort() });

    // A lockout as the PIN checks leave it: a new PIN lifts it; so does unlocking.
    const lockedUntil = new Date(Date.now() + 30 * 60_000);
    await prisma.staffMember.update({ where: { id: sam.id }, data: { failedAttempts: 5, lockedUntil } });
    expect(await getStaffMember(owner, sam.id)).toMatchObject({ locked: true, lockedUntil: lockedUntil.toISOString(), failedAttempts: 5 });
    expect(await updateStaffMember(owner, sam.id, { pin: "551208" })).toMatchObject({
      locked: false,
      lockedUntil: null,
      failedAttempts: 0,
    });
    await prisma.staffMember.update({ where: { id: sam.id }, data: { failedAttempts: 5, lockedUntil } });
    expect(await unlockStaffMember(owner, sam.id)).toMatchObject({ locked: false, failedAttempts: 0 });

    const deactivated = await deactivateStaffMember(owner, sam.id);
    expect(deactivated.active).toBe(false);
    expect((await refusal(updateStaffMember(owner, sam.id, { pin: "662781" }))).details.fieldErrors).toEqual({
      pin: ["validation.deactivated"],
    });

    const audit = await prisma.auditLog.findMany({
      where: { merchantId: setup.merchant.id, targetId: sam.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => entry.action)).toEqual([
      "staff.created",
      "staff.updated",
      "staff.updated",
      "staff.unlocked",
      "staff.deactivated",
    ]);
    // The PIN itself is never written to the audit log.
    expect(JSON.stringify(audit)).not.toContain("551208");
    expect(audit[2]!.details).toEqual({ pinChanged: true });
  });

  it("refuses a PIN another active staff member uses, on the PIN field, and frees it when that member is deactivated", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const sam = await createStaffMember(owner, { name: "Sam", pin: "402913", storeIds: [setup.store.id] });
    const alex = await createStaffMember(owner, { name: "Alex", pin: "551208", storeIds: [setup.store.id] });

    const taken = await refusal(createStaffMember(owner, { name: "Kim", pin: "402913", storeIds: [setup.store.id] }));
    expect(taken.code).toBe("VALIDATION_FAILED");
    expect(taken.details.fieldErrors).toEqual({ pin: ["validation.pinTaken"] });
    expect((await refusal(updateStaffMember(owner, alex.id, { pin: "402913" }))).details.fieldErrors).toEqual({
      pin: ["validation.pinTaken"],
    });

    await deactivateStaffMember(owner, sam.id);
    const kim = await createStaffMember(owner, { name: "Kim", pin: "402913", storeIds: [setup.store.id] });
    // Active first, then by name.
    expect((await listStaff(owner)).map((member) => member.id)).toEqual([alex.id, kim.id, sam.id]);
  });

  it("refuses stores that are not the merchant's own or are archived", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { stores: 2 });
    const other = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    await prisma.store.update({ where: { id: setup.stores[1]!.id }, data: { archivedAt: new Date() } });
    for (const storeIds of [[other.store.id], [setup.stores[1]!.id], [setup.store.id, other.store.id]]) {
      const refused = await refusal(createStaffMember(owner, { name: "Sam", pin: "402913", storeIds }));
      expect(refused.details.fieldErrors).toEqual({ storeIds: ["validation.storeNotFound"] });
    }
    expect(await listStaff(owner)).toEqual([]);
  });

  it("answers NOT_FOUND for another merchant's staff member and changes nothing there", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const other = await createMerchantSetup(prisma, { staff: [{ name: "Theirs", pin: "402913" }] });
    const owner = await ownerContext(prisma, setup.merchant.id);
    const theirs = other.staff[0]!;
    await prisma.staffMember.update({ where: { id: theirs.id }, data: { failedAttempts: 5, lockedUntil: new Date(Date.now() + 60_000) } });

    for (const attempt of [
      () => getStaffMember(owner, theirs.id),
      () => updateStaffMember(owner, theirs.id, { name: "Mine now" }),
      () => updateStaffMember(owner, theirs.id, { pin: "551208" }),
      () => unlockStaffMember(owner, theirs.id),
      () => deactivateStaffMember(owner, theirs.id),
    ]) {
      expect((await refusal(attempt())).code).toBe("NOT_FOUND");
    }
    expect(await listStaff(owner)).toEqual([]);
    const untouched = await prisma.staffMember.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(untouched).toMatchObject({ name: "Theirs", active: true, failedAttempts: 5 });
    expect(untouched.lockedUntil).not.toBeNull();
  });

  // The balance-change functions stamp the staff member's last_activity_at in the same statement as the ledger row.
  it("gives each staff member's latest ledger entry as their last activity", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, {
      staff: [
        { name: "Sam", pin: "402913" },
        { name: "Alex", pin: "551208" },
      ],
    });
    const owner = await ownerContext(prisma, setup.merchant.id);
    const card = await createCard(prisma, setup.merchant, setup.program);
    const { result } = await addStamp(setup.ctx, {
      card: { cardNumber: card.cardNumber },
      storeId: setup.store.id,
      staffId: setup.staff[0]!.id,
      staffPin: "402913",
    });
    const entry = await prisma.ledgerEntry.findUniqueOrThrow({ where: { id: result.transactionId } });

    const [alex, sam] = await listStaff(owner);
    expect(sam).toMatchObject({ name: "Sam", lastActivityAt: entry.createdAt.toISOString() });
    expect(alex).toMatchObject({ name: "Alex", lastActivityAt: null });
    expect((await getStaffMember(owner, sam!.id)).lastActivityAt).toBe(entry.createdAt.toISOString());
  });

  it("shows an expired lockout as unlocked, with the count starting again", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma, { staff: [{ name: "Sam", pin: "402913" }] });
    const later = await ownerContext(prisma, setup.merchant.id, fixedClock("2030-01-01T12:00:00Z"));
    await prisma.staffMember.update({
      where: { id: setup.staff[0]!.id },
      data: { failedAttempts: 5, lockedUntil: new Date("2030-01-01T11:59:00Z") },
    });
    expect(await getStaffMember(later, setup.staff[0]!.id)).toMatchObject({ locked: false, lockedUntil: null, failedAttempts: 0 });
  });
});
