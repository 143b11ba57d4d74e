import "server-only";
import { hashOneTimeToken } from "@/lib/accounts/one-time-token";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor, RequestInfo } from "@/lib/service-context";
import { newDeviceCredential } from "./device-credential";
import type { PairDeviceInput } from "./schemas";

export type PairedDevice = {
  deviceId: string;
  deviceName: string;
  storeName: string;
  merchantName: string;
  /** The long-lived secret for the tablet's cookie: returned once, stored only as a hash. */
  credential: string;
};

const LINK_NOT_USABLE = () => new AppError("NOT_FOUND", {}, "This pairing link has expired or was already used.");

/**
 * Spends a pairing link: creates the counter device with a fresh credential, once. Two
 * tablets racing for one link get one device; the other's transaction rolls back. The audit
 * names the person who made the link, who vouched for the tablet.
 */
export async function pairDevice(input: PairDeviceInput, clock: Clock, request?: RequestInfo): Promise<PairedDevice> {
  const now = clock.now();
  const { credential, credentialHash } = newDeviceCredential();
  return db.$transaction(async (tx) => {
    const link = await tx.devicePairingLink.findUnique({
      where: { tokenHash: hashOneTimeToken(input.token) },
      include: {
        store: { select: { name: true, archivedAt: true } },
        merchant: { select: { name: true } },
        createdBy: { select: { id: true, role: true } },
      },
    });
    if (!link || link.usedAt || link.expiresAt <= now || link.store.archivedAt) throw LINK_NOT_USABLE();
    const device = await tx.counterDevice.create({
      data: {
        merchantId: link.merchantId,
        storeId: link.storeId,
        name: input.name,
        credentialHash,
        pairedByUserId: link.createdByUserId,
        createdAt: now,
      },
    });
    const spent = await tx.devicePairingLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, deviceId: device.id },
    });
    if (spent.count !== 1) throw LINK_NOT_USABLE();
    const creator = link.createdBy;
    const actor: Actor =
      creator && (creator.role === "owner" || creator.role === "manager")
        ? { type: "user", userId: creator.id, role: creator.role }
        : { type: "system" };
    await recordAudit(
      tx,
      { merchantId: link.merchantId, actor, clock, request },
      {
        action: "device.paired",
        targetType: "counter_device",
        targetId: device.id,
        details: { name: input.name, storeId: link.storeId, pairingLinkId: link.id },
      },
    );
    return { deviceId: device.id, deviceName: device.name, storeName: link.store.name, merchantName: link.merchant.name, credential };
  });
}
