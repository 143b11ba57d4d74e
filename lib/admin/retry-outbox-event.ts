import "server-only";
import { recordAuditAsAdmin } from "@/lib/audit/record-audit-as-admin";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AdminContext } from "./admin-context";
import type { OutboxEventIdInput } from "./schemas";

/**
 * Sends a failing or dead delivery again now, with a fresh count of
 * attempts. An event a worker holds at this moment, or one that was
 * delivered or discarded meanwhile, is left alone (NOT_FOUND).
 */
export async function retryOutboxEvent(ctx: AdminContext, input: OutboxEventIdInput): Promise<void> {
  const now = ctx.clock.now();
  await db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<{ merchantId: string | null; type: string; attempts: number; lastError: string | null }[]>`
      SELECT merchant_id AS "merchantId", type, attempts, last_error AS "lastError" FROM outbox_events
      WHERE id = ${input.eventId}::uuid
        AND (status = 'dead' OR (status = 'pending' AND last_error IS NOT NULL))
        AND (locked_until IS NULL OR locked_until < ${now}::timestamptz)
      FOR UPDATE`;
    if (!event) throw new AppError("NOT_FOUND", {}, "This delivery is no longer failing.");
    await tx.outboxEvent.update({
      where: { id: input.eventId },
      // The error is kept in the audit entry; cleared here, the event leaves the list until it fails again.
      data: { status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, lockedBy: null, lastError: null },
    });
    await recordAuditAsAdmin(tx, ctx, {
      merchantId: event.merchantId,
      action: "outbox.retried",
      targetType: "outbox_event",
      targetId: input.eventId,
      details: { type: event.type, attempts: event.attempts, lastError: event.lastError?.slice(0, 200) ?? null },
    });
  });
}
