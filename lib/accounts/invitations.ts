import "server-only";
import { hashSecret } from "@/lib/auth/password-hash";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUniqueViolation, type Tx } from "@/lib/db/transaction";
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

/**
 * Emails a manager invitation (valid 7 days), in the merchant's language.
 * Refused next to the email field when the address already has an account
 * (a manager this merchant removed may be invited back) or already has an
 * open invitation here (resend that one instead).
 */
export async function inviteManager(ctx: ServiceContext, email: string): Promise<InvitationView> {
  const ownerId = requireOwner(ctx);
  const account = await db.user.findUnique({ where: { email }, select: { merchantId: true, role: true, active: true } });
  if (account && !isFormerManager(account, ctx.merchantId)) {
    throw new AppError("VALIDATION_FAILED", { fieldErrors: { email: ["validation.emailTaken"] } }, "This email already has an account.");
  }
  const now = ctx.clock.now();
  const { invitation } = await db.$transaction(async (tx) => {
    // One invitation at a time per merchant, so two quick clicks cannot send two open invitations to one address.
    await tx.$queryRaw`SELECT id FROM merchants WHERE id = ${ctx.merchantId}::uuid FOR NO KEY UPDATE`;
    const open = await tx.authToken.findFirst({
      where: { merchantId: ctx.merchantId, purpose: "manager_invite", email, usedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (open) {
      throw new AppError(
        "VALIDATION_FAILED",
        { fieldErrors: { email: ["validation.invitationPending"] } },
        "An invitation to this email is already open.",
      );
    }
    const created = await createInvitation(tx, ctx, ownerId, email, now);
    await recordAudit(tx, ctx, {
      action: "manager.invited",
      targetType: "invitation",
      targetId: created.invitation.id,
      details: { email },
    });
    return created;
  });
  return invitation;
}

/** Sends an open invitation again with a new link and a new week to accept it; the old link stops working. */
export async function resendInvitation(ctx: ServiceContext, invitationId: string): Promise<InvitationView> {
  const ownerId = requireOwner(ctx);
  const now = ctx.clock.now();
  const { invitation } = await db.$transaction(async (tx) => {
    const spent = await tx.authToken.updateManyAndReturn({
      where: { id: invitationId, merchantId: ctx.merchantId, purpose: "manager_invite", usedAt: null },
      data: { usedAt: now },
      select: { email: true },
    });
    const old = spent[0];
    if (!old) throw new AppError("NOT_FOUND", {}, "No pending invitation with this id.");
    const created = await createInvitation(tx, ctx, ownerId, old.email, now);
    await recordAudit(tx, ctx, {
      action: "manager.invitation_resent",
      targetType: "invitation",
      targetId: created.invitation.id,
      details: { email: old.email },
    });
    return created;
  });
  return invitation;
}

function isFormerManager(account: { merchantId: string | null; role: string; active: boolean }, merchantId: string): boolean {
  return account.merchantId === merchantId && account.role === "manager" && !account.active;
}

async function createInvitation(tx: Tx, ctx: ServiceContext, ownerId: string, email: string, now: Date) {
  const [merchant, owner] = await Promise.all([
    tx.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { name: true, defaultLocale: true } }),
    tx.user.findUniqueOrThrow({ where: { id: ownerId }, select: { name: true, email: true } }),
  ]);
  const { token, tokenHash } = newOneTimeToken();
  const row = await tx.authToken.create({
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
  const invitation: InvitationView = { id: row.id, email, expiresAt: row.expiresAt.toISOString(), createdAt: row.createdAt.toISOString() };
  return { invitation, token };
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
      const account = await tx.user.findUnique({
        where: { email: found.email },
        select: { id: true, merchantId: true, role: true, active: true },
      });
      if (account && !isFormerManager(account, found.merchantId)) {
        throw new AppError("VALIDATION_FAILED", {}, "This email already has an account.");
      }
      // A manager the owner removed and invited back gets their account again, with the new name and password.
      const user = account
        ? await tx.user.update({ where: { id: account.id }, data: { active: true, name: input.name, passwordHash } })
        : await tx.user.create({
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
