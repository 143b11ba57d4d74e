import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { openDatabase } from "@/lib/db/open-database";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createMerchantSetup } from "@/test/factories";
import { listJobRuns, listJobStatuses } from "./list-job-runs";
import { SCHEDULED_JOBS } from "./scheduled-jobs";
import { dueLocalDay, hourPeriodKey, JobScheduler, type ScheduledJob } from "./scheduler";

describe("when a daily job is due", () => {
  it("is the merchant-local day once its hour has come, also on the days the clocks change", () => {
    expect(dueLocalDay(new Date("2026-03-28T00:59:00Z"), "Europe/Luxembourg", 2)).toBeNull();
    expect(dueLocalDay(new Date("2026-03-28T01:00:00Z"), "Europe/Luxembourg", 2)).toBe("2026-03-28");
    // 29 March 2026: 02:00 does not exist in Luxembourg (01:59 CET is followed by 03:00 CEST = 01:00 UTC).
    expect(dueLocalDay(new Date("2026-03-29T00:59:00Z"), "Europe/Luxembourg", 2)).toBeNull();
    expect(dueLocalDay(new Date("2026-03-29T01:00:00Z"), "Europe/Luxembourg", 2)).toBe("2026-03-29");
    // 25 October 2026: 02:00 comes twice (00:00 and 01:00 UTC); the day is due from the second, and it is one day.
    expect(dueLocalDay(new Date("2026-10-25T00:30:00Z"), "Europe/Luxembourg", 2)).toBeNull();
    expect(dueLocalDay(new Date("2026-10-25T01:00:00Z"), "Europe/Luxembourg", 2)).toBe("2026-10-25");
    expect(dueLocalDay(new Date("2026-10-25T01:30:00Z"), "Europe/Luxembourg", 2)).toBe("2026-10-25");
    expect(dueLocalDay(new Date("2026-03-28T06:00:00Z"), "America/New_York", 2)).toBe("2026-03-28");
    // New York is on summer time already (UTC-4): 05:59 UTC is 01:59 there.
    expect(dueLocalDay(new Date("2026-03-28T05:59:00Z"), "America/New_York", 2)).toBeNull();
    expect(hourPeriodKey(new Date("2026-03-29T01:59:59Z"))).toBe("2026-03-29T01");
  });
});

describe(`the scheduler with two app instances on ${databaseKind()}`, () => {
  const database = useTestDatabase();
  let second: Database | undefined;
  afterAll(async () => second?.close());

  /** The second instance's own connections (PostgreSQL); the embedded database has one connection, shared. */
  function secondDatabase(): Database {
    if (databaseKind() === "pglite") return database();
    second ??= openDatabase({ kind: "postgresql", url: (database() as Database & { url: string }).url, poolSize: 4 }, "second instance");
    return second;
  }

  it("runs each job once per period, whichever instance gets there first, and records each run", async () => {
    const prisma = database().prisma;
    const clock = fixedClock("2026-03-27T22:00:00Z");
    const lux = await createMerchantSetup(prisma, { program: { pointsExpiryMonths: 6, birthdayRewardEnabled: true } });
    const ny = await createMerchantSetup(prisma, { timeZone: "America/New_York", program: { pointsExpiryMonths: 12 } });
    // Not eligible for either daily job: never claimed.
    await createMerchantSetup(prisma);

    const calls: { job: string; instance: string; merchantId: string | null; at: string }[] = [];
    const counted: ScheduledJob[] = SCHEDULED_JOBS.map((job) => ({
      ...job,
      run: async (ctx) => {
        calls.push({ job: job.name, instance: ctx.instanceId, merchantId: ctx.merchantId, at: ctx.now.toISOString() });
        // Slow enough that both instances are inside the same period at once.
        await new Promise((resolve) => setTimeout(resolve, 2));
        return job.run(ctx);
      },
    }));
    const a = new JobScheduler({ jobs: counted, prisma, clock, instanceId: "instance-a" });
    const b = new JobScheduler({ jobs: counted, prisma: secondDatabase().prisma, clock, instanceId: "instance-b" });

    // Two days and a half, crossing the spring DST change, both instances ticking together every 20 minutes.
    const end = new Date("2026-03-30T10:00:00Z").getTime();
    while (clock.now().getTime() < end) {
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      clock.advance(20 * 60_000);
    }

    const hourly = calls.filter((call) => call.job === "loyalty.sync_wallet_passes");
    const hours = (end - new Date("2026-03-27T22:00:00Z").getTime()) / 3_600_000;
    expect(hourly).toHaveLength(hours);
    expect(new Set(hourly.map((call) => call.at.slice(0, 13))).size).toBe(hours);

    const expiry = calls.filter((call) => call.job === "loyalty.expire_points");
    // Each merchant's local days from the start (02:00 had passed there already), the 29th in Luxembourg at 03:00 CEST (DST skips 02:00).
    expect(expiry.filter((call) => call.merchantId === lux.merchant.id).map((call) => call.at)).toEqual([
      "2026-03-27T22:00:00.000Z",
      "2026-03-28T01:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:00:00.000Z",
    ]);
    expect(expiry.filter((call) => call.merchantId === ny.merchant.id).map((call) => call.at)).toEqual([
      "2026-03-27T22:00:00.000Z",
      "2026-03-28T06:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ]);
    expect(expiry).toHaveLength(8);
    const birthdays = calls.filter((call) => call.job === "loyalty.birthday_rewards");
    expect(birthdays.every((call) => call.merchantId === lux.merchant.id)).toBe(true);
    expect(birthdays.map((call) => call.at)).toEqual([
      "2026-03-27T22:00:00.000Z",
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ]);
    // Both instances took part: the first to claim a period ran it.
    expect(new Set(calls.map((call) => call.instance))).toEqual(new Set(["instance-a", "instance-b"]));

    const runs = await listJobRuns({ limit: 500 });
    expect(runs).toHaveLength(calls.length);
    expect(runs.every((run) => run.status === "succeeded" && run.durationMs !== null && run.durationMs >= 0 && run.attempts === 1)).toBe(
      true,
    );
    // Merchants' runs carry the merchant's name, platform-wide runs none.
    expect(runs.find((run) => run.merchantId === lux.merchant.id)?.merchantName).toBe(lux.merchant.name);
    expect(runs.filter((run) => run.merchantId === null).every((run) => run.merchantName === null)).toBe(true);
    const statuses = await listJobStatuses(clock.now());
    expect(statuses.map((status) => status.job)).toEqual(SCHEDULED_JOBS.map((job) => job.name));
    const sync = statuses.find((status) => status.job === "loyalty.sync_wallet_passes")!;
    expect(sync.lastRun).toMatchObject({ periodKey: "2026-03-30T09", status: "succeeded", summary: { cards: 0 } });
  });

  it("records a failed run with its error, and lets another instance take over a run whose instance died", async () => {
    const prisma = database().prisma;
    const clock = fixedClock("2031-01-01T00:10:00Z");
    let attempts = 0;
    const job: ScheduledJob = {
      name: "test.flaky",
      schedule: { kind: "hourly" },
      run: async () => {
        attempts++;
        throw new Error("the mail server said no");
      },
    };
    const a = new JobScheduler({ jobs: [job], prisma, clock, instanceId: "a" });
    expect(await a.tick()).toBe(1);
    expect(await a.tick()).toBe(0);
    const [failed] = await listJobRuns({ job: "test.flaky" });
    expect(failed).toMatchObject({ status: "failed", error: "the mail server said no", periodKey: "2031-01-01T00" });
    expect(attempts).toBe(1);

    // An instance claimed the next hour and died: its run stays "running" until the lease ends, then another takes it.
    await prisma.scheduledJobRun.create({
      data: {
        job: "test.flaky",
        periodKey: "2031-01-01T01",
        instanceId: "dead",
        startedAt: new Date("2031-01-01T01:00:00Z"),
        leaseUntil: new Date("2031-01-01T01:15:00Z"),
      },
    });
    const b = new JobScheduler({ jobs: [{ ...job, run: async () => ({ done: 1 }) }], prisma, clock, instanceId: "b" });
    clock.set("2031-01-01T01:10:00Z");
    expect(await b.tick()).toBe(0);
    clock.set("2031-01-01T01:20:00Z");
    expect(await b.tick()).toBe(1);
    const [taken] = await listJobRuns({ job: "test.flaky", limit: 1 });
    expect(taken).toMatchObject({ periodKey: "2031-01-01T01", instanceId: "b", status: "succeeded", attempts: 2, summary: { done: 1 } });
  });
});
