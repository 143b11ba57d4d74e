import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ServiceContext } from "@/lib/service-context";
import { storeNotFound } from "@/lib/stores/get-store";

export type CounterDeviceView = {
  id: string;
  name: string;
  /** The name (or email) of who made the pairing link; null once that account is gone. */
  pairedBy: string | null;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
};

/** The tablets paired with one of the merchant's stores: working ones first, newest first. */
export async function listDevices(ctx: ServiceContext, storeId: string): Promise<CounterDeviceView[]> {
  if (!z.uuid().safeParse(storeId).success) throw storeNotFound();
  const store = await db.store.findFirst({ where: { id: storeId, merchantId: ctx.merchantId }, select: { id: true } });
  if (!store) throw storeNotFound();
  const devices = await db.counterDevice.findMany({
    where: { merchantId: ctx.merchantId, storeId: store.id },
    include: { pairedBy: { select: { name: true, email: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return devices.map((device) => ({
    id: device.id,
    name: device.name,
    pairedBy: device.pairedBy ? (device.pairedBy.name ?? device.pairedBy.email) : null,
    pairedAt: device.createdAt.toISOString(),
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    revokedAt: device.revokedAt?.toISOString() ?? null,
  }));
}
