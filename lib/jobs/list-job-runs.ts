import "server-only";
import { db } from "@/lib/db";
import { SCHEDULED_JOBS } from "./scheduled-jobs";
import type { JobSchedule } from "./scheduler";

export type JobRunView = {
  id: string;
  job: string;
  periodKey: string;
  merchantId: string | null;
  /** The merchant's name for a merchant's run (daily jobs), null for a platform-wide run. */
  merchantName: string | null;
  instanceId: string;
  status: "running" | "succeeded" | "failed";
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  summary: Record<string, number> | null;
  error: string | null;
};

export type JobStatusView = { job: string; schedule: JobSchedule; lastRun: JobRunView | null; failuresLast24h: number };

const SELECT = {
  id: true,
  job: true,
  periodKey: true,
  merchantId: true,
  instanceId: true,
  status: true,
  attempts: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  summary: true,
  error: true,
} as const;

type JobRunRow = Omit<JobRunView, "summary" | "merchantName"> & { summary: unknown };

/** Rows to views: the summary typed, and the merchants' names (runs keep a merchant id without a relation). */
async function toViews(rows: JobRunRow[]): Promise<JobRunView[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.merchantId ? [row.merchantId] : [])))];
  const merchants = ids.length ? await db.merchant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(merchants.map((merchant) => [merchant.id, merchant.name]));
  return rows.map((row) => ({
    ...row,
    summary: row.summary as Record<string, number> | null,
    merchantName: row.merchantId ? (names.get(row.merchantId) ?? null) : null,
  }));
}

/**
 * The recurring jobs' runs, newest first, for the platform admin console (its page checks the admin): all jobs or
 * one, optionally only failures. Not scoped by merchant: callers must be platform admins.
 */
export async function listJobRuns(options: { job?: string; status?: JobRunView["status"]; limit?: number } = {}): Promise<JobRunView[]> {
  const rows = await db.scheduledJobRun.findMany({
    where: { job: options.job, status: options.status },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 500),
    select: SELECT,
  });
  return toViews(rows);
}

/** Each scheduled job with its schedule, its last run (when, how long, how it went) and its failures in the last 24 hours. */
export async function listJobStatuses(now: Date): Promise<JobStatusView[]> {
  const since = new Date(now.getTime() - 24 * 3_600_000);
  return Promise.all(
    SCHEDULED_JOBS.map(async (job) => {
      const [last, failuresLast24h] = await Promise.all([
        db.scheduledJobRun.findFirst({ where: { job: job.name }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: SELECT }),
        db.scheduledJobRun.count({ where: { job: job.name, status: "failed", startedAt: { gte: since } } }),
      ]);
      return {
        job: job.name,
        schedule: job.schedule,
        lastRun: last ? ((await toViews([last]))[0] ?? null) : null,
        failuresLast24h,
      };
    }),
  );
}
