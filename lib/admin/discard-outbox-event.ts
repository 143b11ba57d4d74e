import "server-only";
import { recordAuditAsAdmin } from "@/lib/audit/record-audit-as-admin";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AdminContext } from "./admin-context";
import type { OutboxEventIdInput } from "./schemas";

/** Gives up on a failing or dead delivery: it is marked discarded, never sent, and kept 30 days (loyalty.prune_records). */
export async function discardOutboxEvent(ctx: AdminContext, input: OutboxEventIdInput): Promise<void> {
  const now = ctx.clock.now();
  await db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<{ merchantId: string | null; type: string; attempts: number; lastError: string | null }[]>`
      SELECT merchant_id AS "merchantId", type, attempts, last_error AS "lastError" FROM outbox_events
      WHERE id = ${input.eventId}::uuid
        AND (status = 'dead' OR (status = 'pending' AND last_error IS NOT NULL))
        AND (locked_until IS NULL OR locked_until < ${now}::timestamptz)
      FOR UPDATE`;
    if (!event) throw new AppError("NOT_FOUND", {}, "This delivery is no longer failing.");
    await tx.outboxEvent.update({ where: { id: input.eventId }, data: { status: "discarded", lockedUntil: null, lockedBy: null } });
    await recordAuditAsAdmin(tx, ctx, {
      merchantId: event.merchantId,
      action: "outbox.discarded",
      targetType: "outbox_event",
      targetId: input.eventId,
      details: { type: event.type, attempts: event.attempts, lastError: event.lastError?.slice(0, 200) ?? null },
    });
  });
}
