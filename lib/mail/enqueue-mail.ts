import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import type { MailMessage } from "./create-mailer";

/**
 * Queues an email in the outbox, in the caller's transaction: it is sent by
 * the worker after the change that caused it commits, never inside the
 * request, and never lost when the process stops.
 */
export async function enqueueMail(tx: Tx, message: MailMessage, options: { merchantId?: string | null; now: Date }): Promise<void> {
  await tx.outboxEvent.create({
    data: {
      id: newId(),
      merchantId: options.merchantId ?? null,
      type: EVENT_TYPES.mailSend,
      payload: message,
      nextAttemptAt: options.now,
      createdAt: options.now,
    },
  });
}
