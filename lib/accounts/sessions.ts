import "server-only";
import { db, getDatabase } from "@/lib/db";

export type SessionUser = {
  userId: string;
  sessionId: string;
  email: string;
  name: string | null;
  role: "owner" | "manager" | "admin";
  merchant: { id: string; name: string; status: "active" | "suspended"; timeZone: string; defaultLocale: string } | null;
};

const TOUCH_EVERY_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SessionRow = {
  lastSeenAt: Date | string;
  email: string;
  name: string | null;
  role: SessionUser["role"];
  merchantId: string | null;
  merchantName: string | null;
  merchantStatus: "active" | "suspended" | null;
  timeZone: string | null;
  defaultLocale: string | null;
};

/**
 * The user behind a session cookie, if the session is still open and the
 * user still active (one query on every dashboard request: a logged-out or
 * deactivated account stops working at once, whatever the cookie says).
 */
export async function loadSessionUser(sessionId: string, userId: string, now: Date): Promise<SessionUser | null> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return null;
  // One statement through the driver: it runs on every dashboard request.
  const { rows } = await getDatabase().query<SessionRow>(
    `SELECT s.last_seen_at AS "lastSeenAt", u.email, u.name, u.role::text AS role,
            m.id AS "merchantId", m.name AS "merchantName", m.status::text AS "merchantStatus",
            m.time_zone AS "timeZone", m.default_locale AS "defaultLocale"
     FROM user_sessions s
     JOIN users u ON u.id = s.user_id AND u.active
     LEFT JOIN merchants m ON m.id = u.merchant_id
     WHERE s.id = $1::uuid AND s.user_id = $2::uuid AND s.revoked_at IS NULL`,
    [sessionId, userId],
  );
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    userId,
    sessionId,
    email: row.email,
    name: row.name,
    role: row.role,
    merchant: row.merchantId
      ? {
          id: row.merchantId,
          name: row.merchantName!,
          status: row.merchantStatus!,
          timeZone: row.timeZone!,
          defaultLocale: row.defaultLocale!,
        }
      : null,
  };
}

/** Ends a session: its cookie stops working at once. */
export async function revokeSession(sessionId: string, now: Date): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
