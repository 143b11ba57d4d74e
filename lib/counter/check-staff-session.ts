import "server-only";
import { db } from "@/lib/db";
import type { CounterDeviceIdentity } from "@/lib/devices/device-credential";
import type { Clock } from "@/lib/clock";
import { hashStaffSessionToken } from "./staff-session-credential";

export type ActiveStaffSession = { sessionId: string; staff: { id: string; name: string }; idleSeconds: number };

type Row = {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  staffMemberId: string;
  staffName: string;
  staffActive: boolean;
  idleMinutes: number | null;
  maxHours: number | null;
};

/**
 * The staff session behind a tablet's cookie, checked on every counter action: it must belong
 * to this device, not be ended, and be within the program's idle and absolute timeouts; its
 * staff member must still be active. A valid session is marked used (the idle timer restarts);
 * an expired one is ended. No argon2 here.
 */
export async function checkStaffSession(
  device: CounterDeviceIdentity,
  token: string | undefined,
  clock: Clock,
  options: { touch: boolean } = { touch: true },
): Promise<ActiveStaffSession | null> {
  if (!token || token.length > 200) return null;
  const now = clock.now();
  const [row] = await db.$queryRaw<Row[]>`
    SELECT s.id, s.created_at AS "createdAt", s.last_used_at AS "lastUsedAt", s.staff_member_id AS "staffMemberId",
           m.name AS "staffName", m.active AS "staffActive",
           p.staff_session_idle_minutes AS "idleMinutes", p.staff_session_max_hours AS "maxHours"
    FROM counter_staff_sessions s
    JOIN staff_members m ON m.id = s.staff_member_id AND m.merchant_id = s.merchant_id
    LEFT JOIN programs p ON p.merchant_id = s.merchant_id
    WHERE s.token_hash = ${hashStaffSessionToken(token)} AND s.device_id = ${device.id}::uuid
      AND s.merchant_id = ${device.merchantId}::uuid AND s.revoked_at IS NULL`;
  if (!row) return null;
  const idleMs = (row.idleMinutes ?? 5) * 60_000;
  const maxMs = (row.maxHours ?? 12) * 3_600_000;
  const expired = now.getTime() - row.lastUsedAt.getTime() >= idleMs || now.getTime() - row.createdAt.getTime() >= maxMs;
  if (expired || !row.staffActive) {
    await db.counterStaffSession.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  if (options.touch) await db.counterStaffSession.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { sessionId: row.id, staff: { id: row.staffMemberId, name: row.staffName }, idleSeconds: idleMs / 1000 };
}
