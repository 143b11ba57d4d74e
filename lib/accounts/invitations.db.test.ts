import { describe, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/service-context";
import { fixedClock } from "@/test/clock";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createMerchant, ownerContext, uniq } from "@/test/factories";
import { refusal } from "@/test/refusal";
import {
  INVITATION_VALID_MS,
  acceptInvitation,
  cancelInvitation,
  findOpenInvitation,
  inviteManager,
  listPendingInvitations,
  resendInvitation,
} from "./invitations";
import { removeManager } from "./team";

describe(`manager invitations on ${databaseKind()}`, () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-01T10:00:00Z");

  async function owner(): Promise<ServiceContext> {
    const { merchant } = await createMerchant(database().prisma);
    return ownerContext(database().prisma, merchant.id, clock);
  }

  /** The link of the latest invitation email to this address, read from the outbox like the worker would send it. */
  async function invitationToken(email: string): Promise<string> {
    const mails = await database().prisma.outboxEvent.findMany({
      where: { type: "mail.send" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const mail = mails.map((event) => event.payload as { to: string; text: string }).find((payload) => payload.to === email);
    const token = mail?.text.match(/\/invite\/([\w-]+)/)?.[1];
    if (!token) throw new Error(`no invitation mail to ${email}`);
    return token;
  }

  it("email a link in the outbox, list the invitation and record it", async () => {
    const { prisma } = database();
    const ctx = await owner();
    const email = `${uniq("max")}@example.com`;
    const invitation = await inviteManager(ctx, email);
    expect(invitation).toMatchObject({ email, createdAt: clock.now().toISOString() });
    expect(new Date(invitation.expiresAt).getTime() - clock.now().getTime()).toBe(INVITATION_VALID_MS);
    expect(await listPendingInvitations(ctx)).toEqual([invitation]);
    expect(await findOpenInvitation(await invitationToken(email), clock)).toMatchObject({ email });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { merchantId: ctx.merchantId, action: "manager.invited" } });
    expect(audit).toMatchObject({ targetType: "invitation", targetId: invitation.id, details: { email } });
  });

  it("refuse an email that already has an account, next to the field", async () => {
    const { prisma } = database();
    const ctx = await owner();
    const elsewhere = await owner();
    const ownerEmail = (await prisma.user.findUniqueOrThrow({ where: { id: (elsewhere.actor as { userId: string }).userId } })).email;
    const error = await refusal(inviteManager(ctx, ownerEmail));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.fieldErrors).toEqual({ email: ["validation.emailTaken"] });
    expect(await listPendingInvitations(ctx)).toEqual([]);
  });

  it("refuse a second open invitation to the same email, until the first expires", async () => {
    const ctx = await owner();
    const other = await owner();
    const email = `${uniq("dup")}@example.com`;
    await inviteManager(ctx, email);
    const error = await refusal(inviteManager(ctx, email));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.fieldErrors).toEqual({ email: ["validation.invitationPending"] });
    // Another merchant may invite the same person; whoever accepts first wins.
    await inviteManager(other, email);

    const later: ServiceContext = { ...ctx, clock: fixedClock(new Date(clock.now().getTime() + INVITATION_VALID_MS + 1).toISOString()) };
    expect(await listPendingInvitations(later)).toEqual([]);
    await inviteManager(later, email);
    expect(await listPendingInvitations(later)).toHaveLength(1);
  });

  it("are cancelled: the link stops working and the invitation leaves the list", async () => {
    const { prisma } = database();
    const ctx = await owner();
    const email = `${uniq("cancel")}@example.com`;
    const invitation = await inviteManager(ctx, email);
    const token = await invitationToken(email);
    await cancelInvitation(ctx, invitation.id);
    expect(await listPendingInvitations(ctx)).toEqual([]);
    expect(await findOpenInvitation(token, clock)).toBeNull();
    expect((await refusal(acceptInvitation(token, { name: "Max", password: "long enough password" }, clock))).code).toBe("NOT_FOUND");
    expect((await refusal(cancelInvitation(ctx, invitation.id))).code).toBe("NOT_FOUND");
    expect(
      await prisma.auditLog.count({
        where: { merchantId: ctx.merchantId, action: "manager.invitation_cancelled", targetId: invitation.id },
      }),
    ).toBe(1);
    // Once cancelled, the same address may be invited again.
    await inviteManager(ctx, email);
  });

  it("are sent again with a new link that replaces the old one", async () => {
    const { prisma } = database();
    const ctx = await owner();
    const email = `${uniq("resend")}@example.com`;
    const first = await inviteManager(ctx, email);
    const oldToken = await invitationToken(email);
    clock.advance(60_000);
    const second = await resendInvitation(ctx, first.id);
    const newToken = await invitationToken(email);
    expect(newToken).not.toBe(oldToken);
    expect(second.id).not.toBe(first.id);
    expect(second.createdAt).toBe(clock.now().toISOString());
    expect(await listPendingInvitations(ctx)).toEqual([second]);
    expect(await findOpenInvitation(oldToken, clock)).toBeNull();
    expect(await findOpenInvitation(newToken, clock)).toMatchObject({ email });
    expect((await refusal(resendInvitation(ctx, first.id))).code).toBe("NOT_FOUND");
    expect(await prisma.outboxEvent.count({ where: { merchantId: ctx.merchantId, type: "mail.send" } })).toBe(2);
    expect(await prisma.auditLog.findFirst({ where: { merchantId: ctx.merchantId, action: "manager.invitation_resent" } })).toMatchObject({
      targetId: second.id,
      details: { email },
    });
  });

  it("are managed by the owner only, and only the merchant's own", async () => {
    const ctx = await owner();
    const other = await owner();
    const invitation = await inviteManager(other, `${uniq("theirs")}@example.com`);
    expect((await refusal(cancelInvitation(ctx, invitation.id))).code).toBe("NOT_FOUND");
    expect((await refusal(resendInvitation(ctx, invitation.id))).code).toBe("NOT_FOUND");
    expect(await listPendingInvitations(ctx)).toEqual([]);
    const manager: ServiceContext = { ...ctx, actor: { type: "user", userId: (ctx.actor as { userId: string }).userId, role: "manager" } };
    expect((await refusal(inviteManager(manager, `${uniq("x")}@example.com`))).code).toBe("FORBIDDEN");
    expect((await refusal(resendInvitation(manager, invitation.id))).code).toBe("FORBIDDEN");
    expect((await refusal(listPendingInvitations(manager))).code).toBe("FORBIDDEN");
  });

  it("make a manager account when accepted, and give a removed manager invited back their account again", async () => {
    const { prisma } = database();
    const ctx = await owner();
    const email = `${uniq("back")}@example.com`;
    await inviteManager(ctx, email);
    await acceptInvitation(await invitationToken(email), { name: "Max Manager", password: "first password here" }, clock);
    const manager = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(manager).toMatchObject({ merchantId: ctx.merchantId, role: "manager", active: true, name: "Max Manager" });
    expect((await refusal(inviteManager(ctx, email))).details.fieldErrors).toEqual({ email: ["validation.emailTaken"] });

    await removeManager(ctx, manager.id);
    const elsewhere = await owner();
    expect((await refusal(inviteManager(elsewhere, email))).details.fieldErrors).toEqual({ email: ["validation.emailTaken"] });
    await inviteManager(ctx, email);
    await acceptInvitation(await invitationToken(email), { name: "Max Again", password: "second password here" }, clock);
    expect(await prisma.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ id: manager.id, active: true, name: "Max Again" });
    expect(await prisma.auditLog.count({ where: { merchantId: ctx.merchantId, action: "manager.joined", userId: manager.id } })).toBe(2);
  });
});
