import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import type { RevokeDeviceInput } from "./schemas";

/** Unpairs a tablet: its credential stops working at once. Revoking twice changes nothing. */
export async function revokeDevice(ctx: ServiceContext, input: RevokeDeviceInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const device = await tx.counterDevice.findFirst({
      where: { id: input.deviceId, storeId: input.storeId, merchantId: ctx.merchantId },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!device) throw new AppError("NOT_FOUND", {}, "No counter device with this id at this store.");
    if (device.revokedAt) return;
    await tx.counterDevice.update({ where: { id: device.id }, data: { revokedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx, {
      action: "device.revoked",
      targetType: "counter_device",
      targetId: device.id,
      details: { name: device.name, storeId: input.storeId },
    });
  });
}
