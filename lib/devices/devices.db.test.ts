import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/service-context";
import { archiveStore } from "@/lib/stores/archive-store";
import { useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createMerchantSetup, ownerContext } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { createPairingLink, PAIRING_LINK_VALID_MS } from "./create-pairing-link";
import { findDeviceByCredential, hashDeviceCredential } from "./device-credential";
import { findPairingLink } from "./find-pairing-link";
import { listDevices } from "./list-devices";
import { pairDevice } from "./pair-device";
import { revokeDevice } from "./revoke-device";

const tokenOf = (url: string) => url.split("/counter/pair/")[1]!;

describe("counter devices", () => {
  const database = useTestDatabase();

  async function managerOf(owner: ServiceContext): Promise<ServiceContext> {
    const { prisma } = database();
    const user = await prisma.user.create({
      data: {
        merchantId: owner.merchantId,
        email: `manager-${Date.now()}-${Math.random()}@example.com`,
        name: "Max Manager",
        passwordHash: "x",
        role: "manager",
      },
    });
    return { ...owner, actor: { type: "user", userId: user.id, role: "manager" } };
  }

  it("pair through a one-time link made by a manager; only hashes are stored; the credential finds the device", async () => {
    const { prisma } = database();
    const clock = fixedClock("2026-03-02T09:00:00+01:00");
    const setup = await createMerchantSetup(prisma);
    const manager = await managerOf(await ownerContext(prisma, setup.merchant.id, clock));

    const link = await createPairingLink(manager, { storeId: setup.store.id });
    expect(link.url).toMatch(/^https:\/\/loyalty\.test\/counter\/pair\/[\w-]{43}$/);
    expect(link.expiresAt).toBe(new Date(clock.now().getTime() + PAIRING_LINK_VALID_MS).toISOString());
    const token = tokenOf(link.url);
    const stored = await prisma.devicePairingLink.findFirstOrThrow({ where: { storeId: setup.store.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await findPairingLink(token, clock)).toEqual({
      status: "open",
      storeName: setup.store.name,
      merchantName: setup.merchant.name,
      expiresAt: link.expiresAt,
    });

    clock.advance(60_000);
    const paired = await pairDevice({ token, name: "Counter 1" }, clock, { ip: "203.0.113.7" });
    expect(paired).toMatchObject({ deviceName: "Counter 1", storeName: setup.store.name, merchantName: setup.merchant.name });
    expect(paired.credential).toMatch(/^[\w-]{43}$/);

    const device = await prisma.counterDevice.findUniqueOrThrow({ where: { id: paired.deviceId } });
    expect(device).toMatchObject({
      merchantId: setup.merchant.id,
      storeId: setup.store.id,
      name: "Counter 1",
      credentialHash: hashDeviceCredential(paired.credential),
      pairedByUserId: (manager.actor as { userId: string }).userId,
      revokedAt: null,
    });
    expect(device.credentialHash).toBe(createHash("sha256").update(paired.credential).digest("hex"));
    expect(JSON.stringify(device)).not.toContain(paired.credential);
    expect(await prisma.devicePairingLink.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      usedAt: clock.now(),
      deviceId: device.id,
    });

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "device.paired", targetId: device.id } });
    expect(audit).toMatchObject({ merchantId: setup.merchant.id, actorType: "user", userId: device.pairedByUserId, ip: "203.0.113.7" });
    expect(await prisma.auditLog.count({ where: { action: "device.pairing_link_created", targetId: setup.store.id } })).toBe(1);

    const found = await findDeviceByCredential(paired.credential, clock.now());
    expect(found).toEqual({
      id: device.id,
      name: "Counter 1",
      merchantId: setup.merchant.id,
      storeId: setup.store.id,
      store: { code: setup.store.code, name: setup.store.name, archived: false },
      merchant: { name: setup.merchant.name, status: "active" },
    });
    expect(await findDeviceByCredential("not-a-credential", clock.now())).toBeNull();
    expect(await findDeviceByCredential(undefined, clock.now())).toBeNull();

    const listed = await listDevices(manager, setup.store.id);
    expect(listed).toEqual([
      {
        id: device.id,
        name: "Counter 1",
        pairedBy: "Max Manager",
        pairedAt: device.createdAt.toISOString(),
        lastSeenAt: clock.now().toISOString(),
        revokedAt: null,
      },
    ]);
  });

  it("spend a link once: a second tablet, or two at the same time, cannot reuse it", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const token = tokenOf((await createPairingLink(owner, { storeId: setup.store.id })).url);

    const results = await Promise.allSettled([
      pairDevice({ token, name: "Tablet A" }, owner.clock),
      pairDevice({ token, name: "Tablet B" }, owner.clock),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.counterDevice.count({ where: { storeId: setup.store.id } })).toBe(1);

    expect((await refusal(pairDevice({ token, name: "Tablet C" }, owner.clock))).code).toBe("NOT_FOUND");
    expect(await findPairingLink(token, owner.clock)).toEqual({ status: "used" });
    expect(await findPairingLink("unknown-token", owner.clock)).toEqual({ status: "invalid" });
  });

  it("expire after 15 minutes", async () => {
    const { prisma } = database();
    const clock = fixedClock("2026-03-02T09:00:00Z");
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id, clock);
    const token = tokenOf((await createPairingLink(owner, { storeId: setup.store.id })).url);

    clock.advance(PAIRING_LINK_VALID_MS - 1);
    expect((await findPairingLink(token, clock)).status).toBe("open");
    clock.advance(1);
    expect(await findPairingLink(token, clock)).toEqual({ status: "expired" });
    expect((await refusal(pairDevice({ token, name: "Late tablet" }, clock))).code).toBe("NOT_FOUND");
    expect(await prisma.counterDevice.count({ where: { storeId: setup.store.id } })).toBe(0);
  });

  it("stop working at once when revoked, and stay listed as revoked", async () => {
    const { prisma } = database();
    const clock = fixedClock("2026-03-02T09:00:00Z");
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id, clock);
    const paired = await pairDevice(
      { token: tokenOf((await createPairingLink(owner, { storeId: setup.store.id })).url), name: "Till" },
      clock,
    );

    clock.advance(3_600_000);
    await revokeDevice(owner, { storeId: setup.store.id, deviceId: paired.deviceId });
    expect(await findDeviceByCredential(paired.credential, clock.now())).toBeNull();
    const [listed] = await listDevices(owner, setup.store.id);
    expect(listed).toMatchObject({ id: paired.deviceId, revokedAt: clock.now().toISOString() });
    expect(await prisma.auditLog.count({ where: { action: "device.revoked", targetId: paired.deviceId } })).toBe(1);

    // Revoking again changes nothing; naming it under another store does not find it.
    await revokeDevice(owner, { storeId: setup.store.id, deviceId: paired.deviceId });
    expect(await prisma.auditLog.count({ where: { action: "device.revoked", targetId: paired.deviceId } })).toBe(1);
    const elsewhere = await prisma.store.create({ data: { merchantId: setup.merchant.id, name: "Other", code: `OTHER${Date.now()}` } });
    expect((await refusal(revokeDevice(owner, { storeId: elsewhere.id, deviceId: paired.deviceId }))).code).toBe("NOT_FOUND");
  });

  it("belong to their merchant: another merchant's store or device is not found", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const other = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const otherOwner = await ownerContext(prisma, other.merchant.id);
    const otherDevice = await pairDevice(
      { token: tokenOf((await createPairingLink(otherOwner, { storeId: other.store.id })).url), name: "Theirs" },
      otherOwner.clock,
    );

    expect((await refusal(createPairingLink(owner, { storeId: other.store.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(listDevices(owner, other.store.id))).code).toBe("NOT_FOUND");
    expect((await refusal(listDevices(owner, "not-a-uuid"))).code).toBe("NOT_FOUND");
    expect((await refusal(revokeDevice(owner, { storeId: other.store.id, deviceId: otherDevice.deviceId }))).code).toBe("NOT_FOUND");
    expect((await refusal(revokeDevice(owner, { storeId: setup.store.id, deviceId: otherDevice.deviceId }))).code).toBe("NOT_FOUND");
    expect(await findDeviceByCredential(otherDevice.credential, new Date())).not.toBeNull();
    expect(await prisma.devicePairingLink.count({ where: { merchantId: setup.merchant.id } })).toBe(0);
  });

  it("are not paired to an archived store, even with a link made before it was archived", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await ownerContext(prisma, setup.merchant.id);
    const token = tokenOf((await createPairingLink(owner, { storeId: setup.store.id })).url);
    await archiveStore(owner, { storeId: setup.store.id });

    expect(await findPairingLink(token, owner.clock)).toEqual({ status: "invalid" });
    expect((await refusal(pairDevice({ token, name: "Too late" }, owner.clock))).code).toBe("NOT_FOUND");
    expect((await refusal(createPairingLink(owner, { storeId: setup.store.id }))).code).toBe("NOT_FOUND");
  });
});
