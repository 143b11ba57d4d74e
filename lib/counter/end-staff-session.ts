import "server-only";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { CounterDeviceIdentity } from "@/lib/devices/device-credential";

/** The lock button: every staff session open on this tablet ends at once. */
export async function endStaffSession(device: CounterDeviceIdentity, clock: Clock): Promise<void> {
  await db.counterStaffSession.updateMany({
    where: { deviceId: device.id, merchantId: device.merchantId, revokedAt: null },
    data: { revokedAt: clock.now() },
  });
}
