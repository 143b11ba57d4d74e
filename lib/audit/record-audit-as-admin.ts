import "server-only";
import type { AdminContext } from "@/lib/admin/admin-context";
import type { Tx } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Records a platform admin's action, in the transaction of the change: on
 * the merchant concerned (so it shows in that merchant's log too), or with
 * no merchant for platform-wide actions.
 */
export async function recordAuditAsAdmin(
  tx: Tx,
  ctx: AdminContext,
  entry: { merchantId: string | null; action: string; targetType?: string; targetId?: string; details?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      merchantId: entry.merchantId,
      actorType: "admin",
      actorId: ctx.actor.userId,
      userId: ctx.actor.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
      ip: ctx.request?.ip ?? null,
      createdAt: ctx.clock.now(),
    },
  });
}
