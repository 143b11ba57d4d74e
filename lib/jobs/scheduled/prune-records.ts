import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
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

/** The tables this job prunes: their names go into the SQL as written, so only these literals are accepted. */
type PrunedTable =
  | "rate_limits"
  | "idempotency_records"
  | "outbox_events"
  | "scheduled_job_runs"
  | "user_sessions"
  | "counter_staff_sessions"
  | "auth_tokens"
  | "device_pairing_links"
  | "card_recovery_codes"
  | "pin_lockouts";
type PruneOptions = { key?: "id" | "key"; skipLocked?: boolean };

/**
 * Deletes the rows of `table` that `where` selects, a batch at a time by `key` (its primary key). With `skipLocked`,
 * rows a transaction holds are left for the next run.
 */
async function deleteInBatches(
  prisma: PrismaClient,
  table: PrunedTable,
  where: Prisma.Sql,
  { key = "id", skipLocked = false }: PruneOptions = {},
): Promise<number> {
  const [tableName, keyName] = [Prisma.raw(table), Prisma.raw(key)];
  const lock = skipLocked ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const count = await prisma.$executeRaw`
      DELETE FROM ${tableName} WHERE ${keyName} IN (SELECT ${keyName} FROM ${tableName} WHERE ${where} LIMIT ${BATCH}::int ${lock})`;
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
 * deleted.
 */
export async function pruneRecords(ctx: JobContext): Promise<Record<string, number>> {
  const { prisma, now } = ctx;
  const prune = (table: PrunedTable, where: Prisma.Sql, options?: PruneOptions) => deleteInBatches(prisma, table, where, options);
  const outboxCutoff = daysBefore(now, RETENTION_DAYS.deliveredOutboxEvents);
  const sessionCutoff = daysBefore(now, RETENTION_DAYS.sessions);
  const linkCutoff = daysBefore(now, RETENTION_DAYS.expiredLinks);

  const rateLimits = await prune("rate_limits", Prisma.sql`expire IS NOT NULL AND expire < ${now.getTime()}::bigint`, { key: "key" });
  const idempotencyRecords = await prune("idempotency_records", Prisma.sql`expires_at < ${now}::timestamptz`);
  // next_attempt_at is never after delivered_at (nor after the discarding, which comes after the last attempt), so the
  // (status, next_attempt_at) index finds every old delivered or discarded row.
  const outboxEvents =
    (await prune(
      "outbox_events",
      Prisma.sql`status = 'delivered' AND next_attempt_at < ${outboxCutoff}::timestamptz AND delivered_at < ${outboxCutoff}::timestamptz`,
    )) +
    (await prune(
      "outbox_events",
      Prisma.sql`status = 'discarded' AND next_attempt_at < ${outboxCutoff}::timestamptz AND updated_at < ${outboxCutoff}::timestamptz`,
    ));
  const jobRuns = await prune(
    "scheduled_job_runs",
    Prisma.sql`status <> 'running' AND started_at < ${daysBefore(now, RETENTION_DAYS.jobRuns)}::timestamptz`,
  );
  const sessions =
    (await prune("user_sessions", Prisma.sql`revoked_at < ${sessionCutoff}::timestamptz OR last_seen_at < ${sessionCutoff}::timestamptz`)) +
    (await prune(
      "counter_staff_sessions",
      Prisma.sql`revoked_at < ${sessionCutoff}::timestamptz OR created_at < ${sessionCutoff}::timestamptz`,
    ));
  const expiredLinks =
    (await prune("auth_tokens", Prisma.sql`expires_at < ${linkCutoff}::timestamptz`)) +
    (await prune("device_pairing_links", Prisma.sql`expires_at < ${linkCutoff}::timestamptz`));
  const recoveryCodes = await prune(
    "card_recovery_codes",
    Prisma.sql`expires_at < ${daysBefore(now, RETENTION_DAYS.recoveryCodes)}::timestamptz`,
  );
  // A row with no count, or whose lockout is over, counts the next wrong PIN as the first, as a missing row does
  // (lib/domain/pin-policy.ts). Rows being locked are skipped; lib/auth/staff-pin.ts takes a row in one statement that
  // inserts it again if this deleted it meanwhile.
  const pinLockouts = await prune(
    "pin_lockouts",
    Prisma.sql`(failed_attempts = 0 OR locked_until < ${now}::timestamptz)
      AND updated_at < ${daysBefore(now, RETENTION_DAYS.clearedPinLockouts)}::timestamptz`,
    { skipLocked: true },
  );
  return { rateLimits, idempotencyRecords, outboxEvents, jobRuns, sessions, expiredLinks, recoveryCodes, pinLockouts };
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
