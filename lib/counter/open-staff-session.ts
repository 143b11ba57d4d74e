import "server-only";
import { authorizeStaff } from "@/lib/auth/staff-pin";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CounterDeviceIdentity } from "@/lib/devices/device-credential";
import type { ServiceContext } from "@/lib/service-context";
import { staffClientKey } from "@/lib/cards/staff-client-key";
import { newStaffSessionToken } from "./staff-session-credential";

export type OpenedStaffSession = {
  /** The new credential for the tablet's cookie; only its hash is stored. */
  token: string;
  staff: { id: string; name: string };
  /** When the session ends at the latest (absolute timeout). */
  expiresAt: string;
  idleSeconds: number;
};

/**
 * Unlocks a counter tablet for one staff member: their PIN is verified (argon2, once; wrong PINs
 * count against that member and lock them after too many). Every session open on the device
 * ends, so each unlock rotates the credential and one tablet serves one cashier at a time.
 */
export async function openStaffSession(
  ctx: ServiceContext,
  device: CounterDeviceIdentity,
  input: { staffId: string; pin: string },
): Promise<OpenedStaffSession> {
  const staff = await authorizeStaff(ctx, {
    storeId: device.storeId,
    staffId: input.staffId,
    pin: input.pin,
    clientKey: staffClientKey(ctx),
    required: true,
  });
  if (!staff) throw new AppError("UNAUTHENTICATED", {}, "A staff PIN is required.");
  const program = await db.program.findUnique({
    where: { merchantId: device.merchantId },
    select: { staffSessionIdleMinutes: true, staffSessionMaxHours: true },
  });
  const idleMinutes = program?.staffSessionIdleMinutes ?? 5;
  const maxHours = program?.staffSessionMaxHours ?? 12;
  const now = ctx.clock.now();
  const { token, tokenHash } = newStaffSessionToken();
  await db.$transaction([
    db.counterStaffSession.updateMany({ where: { deviceId: device.id, revokedAt: null }, data: { revokedAt: now } }),
    db.counterStaffSession.create({
      data: {
        merchantId: device.merchantId,
        deviceId: device.id,
        staffMemberId: staff.staffMemberId,
        tokenHash,
        createdAt: now,
        lastUsedAt: now,
      },
    }),
  ]);
  return {
    token,
    staff: { id: staff.staffMemberId, name: staff.name },
    expiresAt: new Date(now.getTime() + maxHours * 3_600_000).toISOString(),
    idleSeconds: idleMinutes * 60,
  };
}
