import "server-only";
import type { JobContext } from "@/lib/jobs/scheduler";

/** How long rows nothing needs any more are kept before loyalty.prune_records deletes them. */
export const RETENTION_DAYS = {
  /** Delivered wallet, mail and statistics events (the card's delivery panel shows the latest ones), and events an admin discarded. */
  deliveredOutboxEvents: 30,
  /** Finished runs of the recurring jobs, for the admin console's jobs page. */
  jobRuns: 90,
  /**
   * Dashboard sessions ended (logout, password reset, deactivation) or unseen for this long, far beyond the 7-day
   * cookie (lib/auth/auth-options.ts); counter staff sessions ended or started this long ago (they last 24 hours at most).
   */
  sessions: 30,
  /** Password reset links and invitations (valid 1 hour and 7 days), device pairing links (15 minutes) past their expiry. */
  expiredLinks: 30,
  /** Card recovery codes (valid 10 minutes) past their expiry. */
  recoveryCodes: 1,
  /** A store and client's wrong-PIN count back at nothing (a right PIN, or a lockout over), untouched this long. */
  clearedPinLockouts: 1,
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
 * their 24 hours (the API reference promises keys are kept that long; the expiry is stored with each), delivered and
 * discarded outbox events after 30 days, finished job runs after 90, ended or long-unused sessions, expired links and
 * recovery codes, and PIN lockout rows that count nothing any more (a missing row means the same: no wrong PIN
 * counted). The ledger, the audit log and events still failing or dead (the admin console retries those) are never
 * deleted. Each table in batches by primary key.
 */
export async function pruneRecords(ctx: JobContext): Promise<Record<string, number>> {
  const { prisma, now } = ctx;
  const outboxCutoff = daysBefore(now, RETENTION_DAYS.deliveredOutboxEvents);
  const jobRunCutoff = daysBefore(now, RETENTION_DAYS.jobRuns);

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
  // next_attempt_at is never after delivered_at (nor after the discarding, which comes after the last attempt), so the
  // (status, next_attempt_at) index finds every old delivered or discarded row.
  const outboxEvents =
    (await inBatches(
      () => prisma.$executeRaw`
        DELETE FROM outbox_events WHERE id IN (
          SELECT id FROM outbox_events
          WHERE status = 'delivered' AND next_attempt_at < ${outboxCutoff}::timestamptz AND delivered_at < ${outboxCutoff}::timestamptz
          LIMIT ${BATCH}::int)`,
    )) +
    (await inBatches(
      () => prisma.$executeRaw`
        DELETE FROM outbox_events WHERE id IN (
          SELECT id FROM outbox_events
          WHERE status = 'discarded' AND next_attempt_at < ${outboxCutoff}::timestamptz AND updated_at < ${outboxCutoff}::timestamptz
          LIMIT ${BATCH}::int)`,
    ));
  const jobRuns = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM scheduled_job_runs WHERE id IN (
        SELECT id FROM scheduled_job_runs WHERE status <> 'running' AND started_at < ${jobRunCutoff}::timestamptz LIMIT ${BATCH}::int)`,
  );
  const sessionCutoff = daysBefore(now, RETENTION_DAYS.sessions);
  const sessions =
    (await inBatches(
      () => prisma.$executeRaw`
        DELETE FROM user_sessions WHERE id IN (
          SELECT id FROM user_sessions WHERE revoked_at < ${sessionCutoff}::timestamptz OR last_seen_at < ${sessionCutoff}::timestamptz
          LIMIT ${BATCH}::int)`,
    )) +
    (await inBatches(
      () => prisma.$executeRaw`
        DELETE FROM counter_staff_sessions WHERE id IN (
          SELECT id FROM counter_staff_sessions WHERE revoked_at < ${sessionCutoff}::timestamptz OR created_at < ${sessionCutoff}::timestamptz
          LIMIT ${BATCH}::int)`,
    ));
  const linkCutoff = daysBefore(now, RETENTION_DAYS.expiredLinks);
  const expiredLinks =
    (await inBatches(
      () => prisma.$executeRaw`
        DELETE FROM auth_tokens WHERE id IN (
          SELECT id FROM auth_tokens WHERE expires_at < ${linkCutoff}::timestamptz LIMIT ${BATCH}::int)`,
    )) +
    (await inBatches(
      () => prisma.$executeRaw`
        DELETE FROM device_pairing_links WHERE id IN (
          SELECT id FROM device_pairing_links WHERE expires_at < ${linkCutoff}::timestamptz LIMIT ${BATCH}::int)`,
    ));
  const recoveryCodes = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM card_recovery_codes WHERE id IN (
        SELECT id FROM card_recovery_codes WHERE expires_at < ${daysBefore(now, RETENTION_DAYS.recoveryCodes)}::timestamptz
        LIMIT ${BATCH}::int)`,
  );
  // A row with no count, or whose lockout is over, counts the next wrong PIN as the first, as a missing row does
  // (lib/domain/pin-policy.ts). Rows being locked are skipped; lib/auth/staff-pin.ts takes a row in one statement that
  // inserts it again if this deleted it meanwhile.
  const pinLockouts = await inBatches(
    () => prisma.$executeRaw`
      DELETE FROM pin_lockouts WHERE id IN (
        SELECT id FROM pin_lockouts
        WHERE (failed_attempts = 0 OR locked_until < ${now}::timestamptz)
          AND updated_at < ${daysBefore(now, RETENTION_DAYS.clearedPinLockouts)}::timestamptz
        LIMIT ${BATCH}::int FOR UPDATE SKIP LOCKED)`,
  );
  return { rateLimits, idempotencyRecords, outboxEvents, jobRuns, sessions, expiredLinks, recoveryCodes, pinLockouts };
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
