import "server-only";
import type { JobContext } from "@/lib/jobs/scheduler";

/** How long rows nothing needs any more are kept before loyalty.prune_records deletes them. */
export const RETENTION_DAYS = {
  /** Delivered wallet, mail and statistics events: the card's delivery panel shows the latest ones. */
  deliveredOutboxEvents: 30,
  /** Finished runs of the recurring jobs, for the admin console's jobs page. */
  jobRuns: 90,
};

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;
/** At most this many batches per table and run: a backlog is worked off over the following hours, never in one long run. */
const MAX_BATCHES = 20;

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const count = await deleteBatch();
    deleted += count;
    if (count < BATCH) break;
  }
  return deleted;
}

/**
 * loyalty.prune_records, hourly: deletes the rows that only ever grow and that nothing reads once they are old:
 * rate-limit counters whose window is over (rate-limiter-flexible treats them as absent), idempotency records past
 * their 24 hours (the API reference promises keys are kept that long; the expiry is stored with each), delivered
 * outbox events after 30 days and finished job runs after 90. The ledger, the audit log and events still failing or
 * dead (the admin console retries those) are never deleted. Each table in batches by primary key.
 */
export async function pruneRecords(ctx: JobContext): Promise<Record<string, number>> {
  const { prisma, now } = ctx;
  const outboxCutoff = new Date(now.getTime() - RETENTION_DAYS.deliveredOutboxEvents * DAY_MS);
  const jobRunCutoff = new Date(now.getTime() - RETENTION_DAYS.jobRuns * DAY_MS);

  const rateLimits = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM rate_limits WHERE key IN (
        SELECT key FROM rate_limits WHERE expire IS NOT NULL AND expire < ${now.getTime()}::bigint LIMIT ${BATCH}::int)`,
  );
  const idempotencyRecords = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM idempotency_records WHERE id IN (
        SELECT id FROM idempotency_records WHERE expires_at < ${now}::timestamptz LIMIT ${BATCH}::int)`,
  );
  // next_attempt_at is never after delivered_at, so the (status, next_attempt_at) index finds every old delivered row.
  const outboxEvents = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM outbox_events WHERE id IN (
        SELECT id FROM outbox_events
        WHERE status = 'delivered' AND next_attempt_at < ${outboxCutoff}::timestamptz AND delivered_at < ${outboxCutoff}::timestamptz
        LIMIT ${BATCH}::int)`,
  );
  const jobRuns = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM scheduled_job_runs WHERE id IN (
        SELECT id FROM scheduled_job_runs WHERE status <> 'running' AND started_at < ${jobRunCutoff}::timestamptz LIMIT ${BATCH}::int)`,
  );
  return { rateLimits, idempotencyRecords, outboxEvents, jobRuns };
}
