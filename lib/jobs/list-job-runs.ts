import "server-only";
import { db } from "@/lib/db";
import { SCHEDULED_JOBS } from "./scheduled-jobs";
import type { JobSchedule } from "./scheduler";

export type JobRunView = {
  id: string;
  job: string;
  periodKey: string;
  merchantId: string | null;
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
  return rows.map((row) => ({ ...row, summary: row.summary as Record<string, number> | null }));
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
        lastRun: last ? { ...last, summary: last.summary as Record<string, number> | null } : null,
        failuresLast24h,
      };
    }),
  );
}
