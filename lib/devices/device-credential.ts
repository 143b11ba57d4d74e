import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";

/** The cookie a paired tablet carries: its long-lived credential (only the SHA-256 is stored). */
export const COUNTER_DEVICE_COOKIE = "loyalty_counter_device";
export const COUNTER_DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const TOUCH_EVERY_MS = 5 * 60_000;

/** 256 random bits; the tablet keeps the credential, the database its hash. */
export function newDeviceCredential(): { credential: string; credentialHash: string } {
  const credential = randomBytes(32).toString("base64url");
  return { credential, credentialHash: hashDeviceCredential(credential) };
}

export function hashDeviceCredential(credential: string): string {
  return createHash("sha256").update(credential).digest("hex");
}

/** How the cookie is set: out of reach of scripts, sent on top-level navigations, Secure behind https. */
export function counterDeviceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getConfig().publicUrl.startsWith("https:"),
    path: "/",
    maxAge: COUNTER_DEVICE_COOKIE_MAX_AGE_SECONDS,
  };
}

export type CounterDeviceIdentity = {
  id: string;
  name: string;
  merchantId: string;
  storeId: string;
  store: { code: string; name: string; archived: boolean };
  merchant: { name: string; status: "active" | "suspended" };
};

/**
 * The paired tablet behind a credential (the cookie's value), or null when the credential is
 * unknown or the device was revoked. An archived store is reported, not hidden, so the
 * counter can say why it takes no stamps. Marks the device as seen (at most every 5 minutes).
 */
export async function findDeviceByCredential(credential: string | undefined, now: Date): Promise<CounterDeviceIdentity | null> {
  if (!credential || credential.length > 200) return null;
  const device = await db.counterDevice.findUnique({
    where: { credentialHash: hashDeviceCredential(credential) },
    include: {
      store: { select: { code: true, name: true, archivedAt: true } },
      merchant: { select: { name: true, status: true } },
    },
  });
  if (!device || device.revokedAt) return null;
  if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.counterDevice.update({ where: { id: device.id }, data: { lastSeenAt: now } });
  }
  return {
    id: device.id,
    name: device.name,
    merchantId: device.merchantId,
    storeId: device.storeId,
    store: { code: device.store.code, name: device.store.name, archived: device.store.archivedAt !== null },
    merchant: { name: device.merchant.name, status: device.merchant.status },
  };
}
