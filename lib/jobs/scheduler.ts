import "server-only";
import { hostname } from "node:os";
import { TZDate } from "@date-fns/tz";
import { systemClock, type Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";

/** What a job run is given: the database client of the instance that won the period, the time, and its merchant. */
export type JobContext = { prisma: PrismaClient; clock: Clock; now: Date; merchantId: string | null; instanceId: string };

/**
 * When a job is due. `hourly`: once per UTC hour. `dailyPerMerchant`: once per merchant and merchant-local day,
 * from `hour`:00 in the merchant's time zone (on a day when that hour does not exist, as at a spring DST change,
 * from the first instant after it), for the merchants `eligible` selects (an SQL condition on `m`, the merchants row).
 */
export type JobSchedule = { kind: "hourly" } | { kind: "dailyPerMerchant"; hour: number; eligible?: string };

export type ScheduledJob = {
  name: string;
  schedule: JobSchedule;
  /** Idempotent: a run taken over after its instance died runs again. Returns a short summary, e.g. { cards: 3 }. */
  run(ctx: JobContext): Promise<Record<string, number>>;
};

export type SchedulerOptions = {
  jobs: ScheduledJob[];
  prisma?: PrismaClient;
  clock?: Clock;
  instanceId?: string;
  /** How often an instance looks for due work. */
  tickMs?: number;
  /** A run not finished after this long is taken to be dead (its instance stopped) and may be taken over. */
  leaseMs?: number;
};

type Claimed = { id: string; periodKey: string; merchantId: string | null };

/** "2026-03-29T01": the UTC hour a time falls in. */
export function hourPeriodKey(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/**
 * The merchant-local day a daily job is due for at `now` in `timeZone`, or null when today's `hour`:00 has not
 * come yet there. Dates come from @date-fns/tz, so a day of 23 or 25 hours is still one day.
 */
export function dueLocalDay(now: Date, timeZone: string, hour: number): string | null {
  const local = new TZDate(now.getTime(), timeZone);
  const dueAt = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hour, 0, 0, timeZone);
  if (now.getTime() < dueAt.getTime()) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/**
 * Runs recurring jobs on any number of app instances, each period once. Every instance ticks; a run is claimed by
 * inserting its (job, period) row, which the unique key lets only one instance do, so whichever instance gets there
 * first runs it and the others skip it. The row then records the run's instance, duration and outcome for admins
 * (listJobRuns). A run whose instance died (its lease ran out while still "running") is taken over by the next tick.
 */
export class JobScheduler {
  private readonly prisma: PrismaClient;
  private readonly clock: Clock;
  readonly instanceId: string;
  private readonly tickMs: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private running = false;

  constructor(private readonly options: SchedulerOptions) {
    this.prisma = options.prisma ?? db;
    this.clock = options.clock ?? systemClock;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.tickMs = options.tickMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? 15 * 60_000;
  }

  start(firstTickMs = 5_000): void {
    if (this.running) return;
    this.running = true;
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.ticking = this.tick()
          .then(() => undefined)
          .catch((error: unknown) => logger.error("scheduler.tick_failed", { error, instanceId: this.instanceId }))
          .finally(() => {
            if (this.running) schedule(this.tickMs);
          });
      }, delay);
      this.timer.unref();
    };
    schedule(firstTickMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.ticking;
  }

  /** Claims and runs every due period of every job; returns how many runs this instance made. */
  async tick(): Promise<number> {
    let runs = 0;
    for (const job of this.options.jobs) {
      const now = this.clock.now();
      const claimed = job.schedule.kind === "hourly" ? await this.claimHourly(job, now) : await this.claimDaily(job, job.schedule, now);
      for (const run of claimed) {
        await this.execute(job, run);
        runs++;
      }
    }
    return runs;
  }

  private async claimHourly(job: ScheduledJob, now: Date): Promise<Claimed[]> {
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    return this.prisma.$queryRaw<Claimed[]>`
      INSERT INTO scheduled_job_runs AS r (id, job, period_key, merchant_id, instance_id, status, started_at, lease_until)
      VALUES (${newId()}::uuid, ${job.name}, ${hourPeriodKey(now)}, NULL, ${this.instanceId}, 'running', ${now}::timestamptz, ${leaseUntil}::timestamptz)
      ON CONFLICT (job, period_key) DO UPDATE
        SET instance_id = EXCLUDED.instance_id, started_at = EXCLUDED.started_at, lease_until = EXCLUDED.lease_until, attempts = r.attempts + 1
        WHERE r.status = 'running' AND r.lease_until < EXCLUDED.started_at
      RETURNING r.id, r.period_key AS "periodKey", r.merchant_id AS "merchantId"`;
  }

  /** One statement claims the day's run for every eligible merchant whose local `hour`:00 has passed, time zone by time zone. */
  private async claimDaily(job: ScheduledJob, schedule: Extract<JobSchedule, { kind: "dailyPerMerchant" }>, now: Date): Promise<Claimed[]> {
    const zones = await this.prisma.$queryRaw<{ timeZone: string }[]>`SELECT DISTINCT time_zone AS "timeZone" FROM merchants`;
    const due = zones.flatMap(({ timeZone }) => {
      const day = dueLocalDay(now, timeZone, schedule.hour);
      return day ? [{ timeZone, day }] : [];
    });
    if (due.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    // `eligible` is a constant SQL condition from the job's definition, never user input.
    const sql = `
      INSERT INTO scheduled_job_runs AS r (id, job, period_key, merchant_id, instance_id, status, started_at, lease_until)
      SELECT gen_random_uuid(), $1, d.day || '@' || m.id::text, m.id, $2, 'running', $3::timestamptz, $4::timestamptz
      FROM merchants m JOIN unnest($5::text[], $6::text[]) AS d(time_zone, day) ON d.time_zone = m.time_zone
      WHERE ${schedule.eligible ?? "TRUE"}
      ON CONFLICT (job, period_key) DO UPDATE
        SET instance_id = EXCLUDED.instance_id, started_at = EXCLUDED.started_at, lease_until = EXCLUDED.lease_until, attempts = r.attempts + 1
        WHERE r.status = 'running' AND r.lease_until < EXCLUDED.started_at
      RETURNING r.id, r.period_key AS "periodKey", r.merchant_id AS "merchantId"`;
    return this.prisma.$queryRawUnsafe<Claimed[]>(
      sql,
      job.name,
      this.instanceId,
      now,
      leaseUntil,
      due.map((d) => d.timeZone),
      due.map((d) => d.day),
    );
  }

  private async execute(job: ScheduledJob, run: Claimed): Promise<void> {
    const startedAt = this.clock.now();
    const started = performance.now();
    let summary: Record<string, number> | null = null;
    let error: string | null = null;
    try {
      summary = await job.run({
        prisma: this.prisma,
        clock: this.clock,
        now: startedAt,
        merchantId: run.merchantId,
        instanceId: this.instanceId,
      });
    } catch (caught) {
      error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 2_000);
      logger.error("scheduler.job_failed", { job: job.name, period: run.periodKey, error: caught });
    }
    const durationMs = Math.max(0, Math.round(performance.now() - started));
    const finishedAt = new Date(startedAt.getTime() + durationMs);
    await this.prisma.$executeRaw`
      UPDATE scheduled_job_runs
      SET status = ${error ? "failed" : "succeeded"}::"JobRunStatus", finished_at = ${finishedAt}::timestamptz, duration_ms = ${durationMs}::int,
          summary = ${summary ? JSON.stringify(summary) : null}::jsonb, error = ${error}
      WHERE id = ${run.id}::uuid AND instance_id = ${this.instanceId}`;
    logger.info("scheduler.job_run", {
      job: job.name,
      period: run.periodKey,
      outcome: error ? "failed" : "succeeded",
      durationMs,
      ...summary,
    });
  }
}
