import "server-only";
import { hashSecret, verifySecret } from "@/lib/auth/password-hash";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { consumeRateLimit, resetRateLimit } from "@/lib/rate-limit/rate-limit";

export type AuthenticatedUser = {
  userId: string;
  sessionId: string;
  email: string;
  name: string | null;
  role: "owner" | "manager" | "admin";
  merchantId: string | null;
};

let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password and opens a session for them. Attempts are
 * rate limited per client and per email; an unknown email costs the same
 * argon2 verification as a known one, so timing does not tell them apart.
 * Returns null for a wrong email or password, without saying which.
 */
export async function authenticate(
  email: string,
  password: string,
  client: { key: string; userAgent: string | null },
  clock: Clock,
): Promise<AuthenticatedUser | null> {
  const normalized = email.trim().toLowerCase();
  await consumeRateLimit("loginByClient", client.key);
  await consumeRateLimit("loginByEmail", normalized);
  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, role: true, merchantId: true, passwordHash: true, active: true },
  });
  if (!user || !user.active) {
    dummyHash ??= hashSecret("timing-equalizer-password");
    await verifySecret(await dummyHash, password);
    return null;
  }
  if (!(await verifySecret(user.passwordHash, password))) return null;
  await resetRateLimit("loginByEmail", normalized);
  const now = clock.now();
  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    return tx.userSession.create({
      data: { userId: user.id, userAgent: client.userAgent?.slice(0, 300) ?? null, createdAt: now, lastSeenAt: now },
    });
  });
  return { userId: user.id, sessionId: session.id, email: user.email, name: user.name, role: user.role, merchantId: user.merchantId };
}
