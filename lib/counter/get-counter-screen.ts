import "server-only";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { CounterDeviceIdentity } from "@/lib/devices/device-credential";
import type { CounterScreen } from "./counter-views";

/** The paired tablet's store, program, catalog and staff tiles, scoped by the device's merchant and store. */
export async function getCounterScreen(device: CounterDeviceIdentity, clock: Clock): Promise<CounterScreen> {
  const now = clock.now();
  const [merchant, program, staff] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { id: device.merchantId }, select: { timeZone: true } }),
    db.program.findUnique({
      where: { merchantId: device.merchantId },
      select: {
        type: true,
        stampsTarget: true,
        stampsRewardDescription: true,
        pointsPerEuro: true,
        maxPurchaseCents: true,
        staffSessionIdleMinutes: true,
        active: true,
        rewards: { where: { active: true }, select: { id: true, name: true, pointsCost: true }, orderBy: { pointsCost: "asc" } },
      },
    }),
    db.staffMember.findMany({
      where: { merchantId: device.merchantId, active: true, stores: { some: { storeId: device.storeId } } },
      select: { id: true, name: true, lockedUntil: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    device: { id: device.id, name: device.name },
    store: { id: device.storeId, name: device.store.name, code: device.store.code, archived: device.store.archived },
    merchant: { name: device.merchant.name, suspended: device.merchant.status === "suspended", timeZone: merchant.timeZone },
    program: program
      ? {
          type: program.type,
          stampsTarget: program.stampsTarget,
          stampsRewardDescription: program.stampsRewardDescription,
          pointsPerEuro: program.pointsPerEuro,
          maxPurchaseCents: program.maxPurchaseCents,
          rewards: program.rewards,
          idleSeconds: program.staffSessionIdleMinutes * 60,
        }
      : null,
    staff: staff.map((member) => ({ id: member.id, name: member.name, locked: member.lockedUntil !== null && member.lockedUntil > now })),
  };
}
