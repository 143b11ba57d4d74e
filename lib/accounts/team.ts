import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";

export type TeamMember = {
  id: string;
  name: string | null;
  email: string;
  role: "owner" | "manager";
  active: boolean;
  lastLoginAt: string | null;
};

/** The merchant's owner and managers. */
export async function listTeam(ctx: ServiceContext): Promise<TeamMember[]> {
  const users = await db.user.findMany({
    where: { merchantId: ctx.merchantId, role: { in: ["owner", "manager"] } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }], // the enum declares owner before manager
    select: { id: true, name: true, email: true, role: true, active: true, lastLoginAt: true },
  });
  return users.map((user) => ({ ...user, role: user.role as "owner" | "manager", lastLoginAt: user.lastLoginAt?.toISOString() ?? null }));
}

/** Removes a manager's access: the account is deactivated and its sessions end at once. */
export async function removeManager(ctx: ServiceContext, userId: string): Promise<void> {
  if (ctx.actor.type !== "user" || ctx.actor.role !== "owner") throw new AppError("FORBIDDEN", {}, "Only the owner manages managers.");
  await db.$transaction(async (tx) => {
    const manager = await tx.user.findFirst({
      where: { id: userId, merchantId: ctx.merchantId, role: "manager" },
      select: { id: true, email: true },
    });
    if (!manager) throw new AppError("NOT_FOUND", {}, "No manager with this id.");
    await tx.user.update({ where: { id: userId }, data: { active: false } });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx, { action: "manager.removed", targetType: "user", targetId: userId, details: { email: manager.email } });
  });
}
