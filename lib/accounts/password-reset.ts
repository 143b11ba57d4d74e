import "server-only";
import { hashSecret } from "@/lib/auth/password-hash";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { passwordResetEmail } from "./account-emails";
import { hashOneTimeToken, newOneTimeToken } from "./one-time-token";

export const PASSWORD_RESET_VALID_MS = 60 * 60_000;

/**
 * Emails a one-time reset link (valid one hour) if the address has an active
 * account. Answers the same either way, so the form tells no one whether an
 * address has an account. Rate limited per client and per address.
 */
export async function requestPasswordReset(email: string, clientKey: string, locale: string, clock: Clock): Promise<void> {
  await consumeRateLimit("passwordResetByClient", clientKey);
  await consumeRateLimit("passwordResetByEmail", email);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true, merchant: { select: { id: true } } } });
  if (!user || !user.active) return;
  const { token, tokenHash } = newOneTimeToken();
  const now = clock.now();
  await db.$transaction(async (tx) => {
    await tx.authToken.create({
      data: {
        purpose: "password_reset",
        tokenHash,
        email,
        userId: user.id,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_VALID_MS),
        createdAt: now,
      },
    });
    await enqueueMail(tx, passwordResetEmail(email, token, locale), { merchantId: user.merchant?.id, now });
  });
}

/** Whether a reset link can still be used (the page checks before showing the form). */
export async function isPasswordResetTokenValid(token: string, clock: Clock): Promise<boolean> {
  const found = await db.authToken.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  return !!found && found.purpose === "password_reset" && !found.usedAt && found.expiresAt > clock.now();
}

/**
 * Sets a new password with a reset link, once: the link is spent, and every
 * open session of the account is ended (whoever had the old password is out).
 */
export async function resetPassword(token: string, password: string, clock: Clock): Promise<{ email: string }> {
  const passwordHash = await hashSecret(password);
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const found = await tx.authToken.findUnique({ where: { tokenHash: hashOneTimeToken(token) } });
    if (!found || found.purpose !== "password_reset" || found.usedAt || found.expiresAt <= now || !found.userId) {
      throw new AppError("NOT_FOUND", {}, "This reset link is not valid any more: ask for a new one.");
    }
    const spent = await tx.authToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw new AppError("NOT_FOUND", {}, "This reset link was already used.");
    await tx.user.update({ where: { id: found.userId }, data: { passwordHash } });
    await tx.userSession.updateMany({ where: { userId: found.userId, revokedAt: null }, data: { revokedAt: now } });
    return { email: found.email };
  });
}
