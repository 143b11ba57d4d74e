import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/db/generated/client";
import type { ServiceContext } from "@/lib/service-context";

/** Records who changed what, in the transaction of the change itself. */
export async function recordAudit(
  tx: Tx,
  ctx: ServiceContext,
  entry: { action: string; targetType?: string; targetId?: string; details?: Prisma.InputJsonValue },
): Promise<void> {
  const actor = ctx.actor;
  await tx.auditLog.create({
    data: {
      merchantId: ctx.merchantId,
      actorType: actor.type === "device" ? "staff" : actor.type,
      actorId:
        actor.type === "user" ? actor.userId : actor.type === "api_key" ? actor.apiKeyId : actor.type === "device" ? actor.deviceId : null,
      userId: actor.type === "user" ? actor.userId : null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details,
      ip: ctx.request?.ip ?? null,
      createdAt: ctx.clock.now(),
    },
  });
}
