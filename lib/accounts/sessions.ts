import "server-only";
import { db } from "@/lib/db";

export type SessionUser = {
  userId: string;
  sessionId: string;
  email: string;
  name: string | null;
  role: "owner" | "manager" | "admin";
  merchant: { id: string; name: string; status: "active" | "suspended"; timeZone: string; defaultLocale: string } | null;
};

const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * The user behind a session cookie, if the session is still open and the
 * user still active (one query on every dashboard request: a logged-out or
 * deactivated account stops working at once, whatever the cookie says).
 */
export async function loadSessionUser(sessionId: string, userId: string, now: Date): Promise<SessionUser | null> {
  const session = await db.userSession.findFirst({
    where: { id: sessionId, userId, revokedAt: null, user: { active: true } },
    select: {
      lastSeenAt: true,
      user: {
        select: {
          email: true,
          name: true,
          role: true,
          merchant: { select: { id: true, name: true, status: true, timeZone: true, defaultLocale: true } },
        },
      },
    },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    userId,
    sessionId,
    email: session.user.email,
    name: session.user.name,
    role: session.user.role,
    merchant: session.user.merchant,
  };
}

/** Ends a session: its cookie stops working at once. */
export async function revokeSession(sessionId: string, now: Date): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
