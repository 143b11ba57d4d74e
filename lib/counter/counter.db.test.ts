import { describe, expect, it } from "vitest";
import { createPairingLink } from "@/lib/devices/create-pairing-link";
import { findDeviceByCredential, type CounterDeviceIdentity } from "@/lib/devices/device-credential";
import { pairDevice } from "@/lib/devices/pair-device";
import { fixedClock } from "@/test/clock";
import { useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup, ownerContext } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { checkStaffSession } from "./check-staff-session";
import { collectStamp } from "./collect-stamp";
import { counterDeviceContext } from "./counter-device-context";
import { endStaffSession } from "./end-staff-session";
import { getCounterCard } from "./get-counter-card";
import { openStaffSession } from "./open-staff-session";
import { runCounterOperation } from "./run-counter-operation";
import { searchCounterCards } from "./search-counter-cards";
import { hashStaffSessionToken } from "./staff-session-credential";

const MINUTE = 60_000;

describe("the counter", () => {
  const database = useTestDatabase();

  async function pairedCounter(options: Parameters<typeof createMerchantSetup>[1] = {}) {
    const { prisma } = database();
    const clock = fixedClock("2026-03-02T09:00:00+01:00");
    const setup = await createMerchantSetup(prisma, {
      program: { requireStaffPin: true, ...options.program },
      staff: [
        { name: "Sam Staff", pin: "482916" },
        { name: "Ria Other", pin: "135790" },
      ],
      ...options,
    });
    const owner = await ownerContext(prisma, setup.merchant.id, clock);
    const link = await createPairingLink(owner, { storeId: setup.store.id });
    const paired = await pairDevice({ token: link.url.split("/counter/pair/")[1]!, name: "Till" }, clock);
    const device = (await findDeviceByCredential(paired.credential, clock.now())) as CounterDeviceIdentity;
    const ctx = counterDeviceContext(device, clock);
    return { ...setup, clock, device, ctx, sam: setup.staff[0]!, ria: setup.staff[1]! };
  }

  it("opens a staff session with a correct PIN, stores only its hash, and ends it after 5 idle minutes", async () => {
    const { prisma } = database();
    const { device, ctx, clock, sam } = await pairedCounter();
    const opened = await openStaffSession(ctx, device, { staffId: sam.id, pin: "482916" });
    expect(opened.staff).toEqual({ id: sam.id, name: "Sam Staff" });
    expect(opened.idleSeconds).toBe(300);
    const row = await prisma.counterStaffSession.findFirstOrThrow({ where: { deviceId: device.id } });
    expect(row.tokenHash).toBe(hashStaffSessionToken(opened.token));
    expect(JSON.stringify(row)).not.toContain(opened.token);

    clock.advance(4 * MINUTE);
    expect((await checkStaffSession(device, opened.token, clock))?.staff.name).toBe("Sam Staff");
    // Each action restarts the idle timer...
    clock.advance(4 * MINUTE);
    expect(await checkStaffSession(device, opened.token, clock)).not.toBeNull();
    // ...and 5 minutes without one end the session for good.
    clock.advance(5 * MINUTE);
    expect(await checkStaffSession(device, opened.token, clock)).toBeNull();
    clock.advance(-4 * MINUTE);
    expect(await checkStaffSession(device, opened.token, clock)).toBeNull();
    expect((await prisma.counterStaffSession.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
  });

  it("ends a session 12 hours after the PIN whatever happens, and follows the program's own timeouts", async () => {
    const { prisma } = database();
    const { device, ctx, clock, sam, program } = await pairedCounter();
    const opened = await openStaffSession(ctx, device, { staffId: sam.id, pin: "482916" });
    for (let minutes = 4; minutes < 12 * 60; minutes += 4) {
      clock.advance(4 * MINUTE);
      expect(await checkStaffSession(device, opened.token, clock)).not.toBeNull();
    }
    clock.advance(4 * MINUTE);
    expect(await checkStaffSession(device, opened.token, clock)).toBeNull();

    await prisma.program.update({ where: { id: program.id }, data: { staffSessionIdleMinutes: 1, staffSessionMaxHours: 1 } });
    const short = await openStaffSession(ctx, device, { staffId: sam.id, pin: "482916" });
    expect(short.idleSeconds).toBe(60);
    clock.advance(MINUTE - 1);
    expect(await checkStaffSession(device, short.token, clock)).not.toBeNull();
    clock.advance(MINUTE);
    expect(await checkStaffSession(device, short.token, clock)).toBeNull();
  });

  it("rotates the credential at each unlock, ends at the lock button, and belongs to its device", async () => {
    const { device, ctx, clock, sam, ria, store, merchant } = await pairedCounter();
    const first = await openStaffSession(ctx, device, { staffId: sam.id, pin: "482916" });
    const second = await openStaffSession(ctx, device, { staffId: ria.id, pin: "135790" });
    expect(second.token).not.toBe(first.token);
    expect(await checkStaffSession(device, first.token, clock)).toBeNull();
    expect((await checkStaffSession(device, second.token, clock))?.staff.name).toBe("Ria Other");

    // Another tablet of the same store cannot use this tablet's credential.
    const { prisma } = database();
    const owner = await ownerContext(prisma, merchant.id, clock);
    const link = await createPairingLink(owner, { storeId: store.id });
    const other = await pairDevice({ token: link.url.split("/counter/pair/")[1]!, name: "Till 2" }, clock);
    const otherDevice = (await findDeviceByCredential(other.credential, clock.now()))!;
    expect(await checkStaffSession(otherDevice, second.token, clock)).toBeNull();

    await endStaffSession(device, clock);
    expect(await checkStaffSession(device, second.token, clock)).toBeNull();
  });

  it("counts wrong PINs against the chosen staff member and locks them at the fifth", async () => {
    const { device, ctx, sam } = await pairedCounter();
    for (const left of [4, 3, 2, 1]) {
      const error = await refusal(openStaffSession(ctx, device, { staffId: sam.id, pin: "000000" }));
      expect(error).toMatchObject({ code: "PIN_INVALID", details: { extra: { attemptsLeft: left, lockedUntil: null } } });
    }
    const fifth = await refusal(openStaffSession(ctx, device, { staffId: sam.id, pin: "000000" }));
    expect(fifth.code).toBe("PIN_INVALID");
    expect(fifth.details.extra?.lockedUntil).toEqual(expect.any(String));
    expect((await refusal(openStaffSession(ctx, device, { staffId: sam.id, pin: "482916" }))).code).toBe("PIN_LOCKED");
  });

  it("stamps for the session's staff member at the device's store; a double-submitted stamp adds one", async () => {
    const { prisma } = database();
    const { device, ctx, sam, merchant, program, store } = await pairedCounter();
    const card = await createCard(prisma, merchant, program, { name: "Ada Lovelace" });
    const input = { kind: "stamp" as const, cardNumber: card.cardNumber, idempotencyKey: "9d1c7c52-3c3e-4c39-9e51-4a0d7e6c1f00" };
    const scope = { storeId: device.storeId, staffMemberId: sam.id };
    const [a, b] = await Promise.all([runCounterOperation(ctx, scope, input), runCounterOperation(ctx, scope, input)]);
    expect(a.card.stampCount).toBe(1);
    expect(b.card.stampCount).toBe(1);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const again = await runCounterOperation(ctx, scope, input);
    expect(again).toMatchObject({ replayed: true, card: { stampCount: 1 } });
    const entries = await prisma.ledgerEntry.findMany({ where: { cardId: card.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ staffMemberId: sam.id, storeId: store.id });
    // A new key is a new stamp: refused by the cooldown, with the time of the next one.
    const cooldown = await refusal(runCounterOperation(ctx, scope, { ...input, idempotencyKey: "second-tap" }));
    expect(cooldown.code).toBe("COOLDOWN_ACTIVE");
    expect(cooldown.details.extra?.nextStampAvailableAt).toBe("2026-03-02T08:15:00.000Z");
  });

  it("refuses a session of a staff member deactivated or not working at this store", async () => {
    const { prisma } = database();
    const { device, ctx, clock, sam } = await pairedCounter({
      stores: 2,
      staff: [
        { name: "Sam Staff", pin: "482916" },
        { name: "Ria Other", pin: "135790", stores: [1] },
      ],
    });
    const ria = await prisma.staffMember.findFirstOrThrow({ where: { name: "Ria Other", merchantId: device.merchantId } });
    expect((await refusal(openStaffSession(ctx, device, { staffId: ria.id, pin: "135790" }))).code).toBe("FORBIDDEN");
    const opened = await openStaffSession(ctx, device, { staffId: sam.id, pin: "482916" });
    await prisma.staffMember.update({ where: { id: sam.id }, data: { active: false } });
    expect(await checkStaffSession(device, opened.token, clock)).toBeNull();
  });

  it("finds cards of the device's merchant only, and searches by name with a masked hint", async () => {
    const { prisma } = database();
    const { ctx, merchant, program } = await pairedCounter();
    const ada = await createCard(prisma, merchant, program, { name: "Ada Lovelace", email: "ada@example.com" });
    const other = await createMerchantSetup(prisma);
    const theirs = await createCard(prisma, other.merchant, other.program, { name: "Ada Elsewhere" });
    expect(await getCounterCard(ctx, { cardNumber: ada.cardNumber })).toMatchObject({ firstName: "Ada", stampCount: 0, stampsTarget: 10 });
    expect(await getCounterCard(ctx, { qrCode: ada.qrPayload })).toMatchObject({ cardNumber: ada.cardNumber });
    expect((await refusal(getCounterCard(ctx, { cardNumber: theirs.cardNumber }))).code).toBe("NOT_FOUND");
    const hits = await searchCounterCards(ctx, "ada");
    expect(hits).toEqual([
      { cardNumber: ada.cardNumber, firstName: "Ada", hint: "L. · a•••@example.com", stampCount: 0, pointsBalance: 0 },
    ]);
  });

  it("collects a stamp on the customer's phone with a PIN alone, counting wrong PINs against the store and client", async () => {
    const { prisma } = database();
    const { merchant, program, store, sam, clock } = await pairedCounter();
    const card = await createCard(prisma, merchant, program, { name: "Ada Lovelace" });
    const request = { ip: "198.51.100.4" };
    const input = { storeCode: store.code, idempotencyKey: "collect-1" };
    const wrong = await refusal(collectStamp({ ...input, pin: "999999" }, [card.pageToken], clock, request));
    expect(wrong).toMatchObject({ code: "PIN_INVALID", details: { extra: { attemptsLeft: 4 } } });
    expect(await prisma.pinLockout.findFirst({ where: { storeId: store.id, clientKey: "ip:198.51.100.4" } })).toMatchObject({
      failedAttempts: 1,
    });
    const result = await collectStamp({ ...input, pin: "482916" }, ["unrelated-token-0000000", card.pageToken], clock, request);
    expect(result).toMatchObject({ stampCount: 1, stampsTarget: 10 });
    expect(await prisma.ledgerEntry.findFirst({ where: { cardId: card.id } })).toMatchObject({ staffMemberId: sam.id, storeId: store.id });
    expect((await refusal(collectStamp({ ...input, pin: "482916" }, [], clock, request))).code).toBe("NOT_FOUND");
  });
});
