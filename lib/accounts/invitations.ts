import "server-only";
import { hashSecret } from "@/lib/auth/password-hash";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import type { ServiceContext } from "@/lib/service-context";
import { managerInvitationEmail } from "./account-emails";
import { hashOneTimeToken, newOneTimeToken } from "./one-time-token";

export const INVITATION_VALID_MS = 7 * 24 * 60 * 60_000;

export type InvitationView = { id: string; email: string; expiresAt: string; createdAt: string };

function requireOwner(ctx: ServiceContext): string {
  if (ctx.actor.type !== "user" || ctx.actor.role !== "owner") throw new AppError("FORBIDDEN", {}, "Only the owner manages managers.");
  return ctx.actor.userId;
}

/** Emails a manager invitation (valid 7 days), in the merchant's language. */
export async function inviteManager(ctx: ServiceContext, email: string): Promise<InvitationView> {
  const ownerId = requireOwner(ctx);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("VALIDATION_FAILED", { fieldErrors: { email: ["validation.emailTaken"] } }, "This email already has an account.");
  }
  const [merchant, owner] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { name: true, defaultLocale: true } }),
    db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { name: true, email: true } }),
  ]);
  const { token, tokenHash } = newOneTimeToken();
  const now = ctx.clock.now();
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.authToken.create({
      data: {
        purpose: "manager_invite",
        tokenHash,
        email,
        merchantId: ctx.merchantId,
        createdByUserId: ownerId,
        expiresAt: new Date(now.getTime() + INVITATION_VALID_MS),
        createdAt: now,
      },
    });
    await enqueueMail(tx, managerInvitationEmail(email, token, merchant.name, owner.name ?? owner.email, merchant.defaultLocale), {
      merchantId: ctx.merchantId,
      now,
    });
    await recordAudit(tx, ctx, { action: "manager.invited", targetType: "invitation", targetId: created.id, details: { email } });
    return created;
  });
  return { id: invitation.id, email, expiresAt: invitation.expiresAt.toISOString(), createdAt: invitation.createdAt.toISOString() };
}

export async function listPendingInvitations(ctx: ServiceContext): Promise<InvitationView[]> {
  requireOwner(ctx);
  const rows = await db.authToken.findMany({
    where: { merchantId: ctx.merchantId, purpose: "manager_invite", usedAt: null, expiresAt: { gt: ctx.clock.now() } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function cancelInvitation(ctx: ServiceContext, invitationId: string): Promise<void> {
  requireOwner(ctx);
  await db.$transaction(async (tx) => {
    const spent = await tx.authToken.updateMany({
      where: { id: invitationId, merchantId: ctx.merchantId, purpose: "manager_invite", usedAt: null },
      data: { usedAt: ctx.clock.now() },
    });
    if (spent.count === 0) throw new AppError("NOT_FOUND", {}, "No pending invitation with this id.");
    await recordAudit(tx, ctx, { action: "manager.invitation_cancelled", targetType: "invitation", targetId: invitationId });
  });
}

/** The invitation behind a link, while it can be accepted. */
export async function findOpenInvitation(token: string, clock: Clock): Promise<{ email: string; merchantName: string } | null> {
  const found = await db.authToken.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    include: { merchant: { select: { name: true } } },
  });
  if (!found || found.purpose !== "manager_invite" || found.usedAt || found.expiresAt <= clock.now() || !found.merchant) return null;
  return { email: found.email, merchantName: found.merchant.name };
}

/** Creates the manager's account from an invitation, once. */
export async function acceptInvitation(token: string, input: { name: string; password: string }, clock: Clock): Promise<{ email: string }> {
  const passwordHash = await hashSecret(input.password);
  const now = clock.now();
  try {
    return await db.$transaction(async (tx) => {
      const found = await tx.authToken.findUnique({ where: { tokenHash: hashOneTimeToken(token) } });
      if (!found || found.purpose !== "manager_invite" || found.usedAt || found.expiresAt <= now || !found.merchantId) {
        throw new AppError("NOT_FOUND", {}, "This invitation is not valid any more: ask for a new one.");
      }
      const spent = await tx.authToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
      if (spent.count !== 1) throw new AppError("NOT_FOUND", {}, "This invitation was already used.");
      const user = await tx.user.create({
        data: { merchantId: found.merchantId, email: found.email, name: input.name, passwordHash, role: "manager" },
      });
      await tx.auditLog.create({
        data: {
          merchantId: found.merchantId,
          actorType: "user",
          actorId: user.id,
          userId: user.id,
          action: "manager.joined",
          details: { email: found.email },
        },
      });
      return { email: found.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION_FAILED", {}, "This email already has an account.");
    throw error;
  }
}
