import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createMerchantSetup } from "@/test/factories";
import { pruneRecords } from "./prune-records";

const DAY = 24 * 60 * 60 * 1000;

describe(`loyalty.prune_records on ${databaseKind()}`, () => {
  const database = useTestDatabase();

  it("deletes expired counters and keys, old delivered events and old finished runs, and nothing else", async () => {
    const prisma = database().prisma;
    const clock = fixedClock("2026-06-01T09:00:00Z");
    const now = clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const shop = await createMerchantSetup(prisma, { clock });
    const merchantId = shop.merchant.id;

    // Rate-limit counters: 12,000 expired (more than two batches), one live, one without an expiry.
    await prisma.$executeRaw`
      INSERT INTO rate_limits (key, points, expire)
      SELECT 'prune-test:expired:' || n, 1, ${now.getTime() - 1_000}::bigint FROM generate_series(1, 12000) AS n`;
    await prisma.$executeRaw`INSERT INTO rate_limits (key, points, expire) VALUES ('prune-test:live', 1, ${now.getTime() + 60_000}::bigint)`;
    await prisma.$executeRaw`INSERT INTO rate_limits (key, points, expire) VALUES ('prune-test:forever', 1, NULL)`;

    // Idempotency records: one past its expiry, one not.
    const idempotency = (key: string, expiresAt: Date) =>
      prisma.idempotencyRecord.create({
        data: { merchantId, key, requestHash: "h", responseStatus: 200, responseBody: {}, createdAt: ago(1), expiresAt },
      });
    await idempotency("expired-key", ago(0.01));
    await idempotency("live-key", new Date(now.getTime() + 60_000));

    // Outbox events in every state and age.
    const event = (label: string, status: "pending" | "delivered" | "dead", nextAttemptDaysAgo: number, deliveredDaysAgo?: number) =>
      prisma.outboxEvent.create({
        data: {
          id: newId(),
          merchantId,
          type: "wallet.card_changed",
          payload: { label },
          coalesceKey: `prune:${label}`,
          status,
          nextAttemptAt: ago(nextAttemptDaysAgo),
          deliveredAt: deliveredDaysAgo === undefined ? null : ago(deliveredDaysAgo),
          createdAt: ago(nextAttemptDaysAgo),
        },
      });
    await event("delivered-31-days-ago", "delivered", 31, 31);
    await event("delivered-29-days-ago", "delivered", 29, 29);
    await event("due-40-days-ago-delivered-10-days-ago", "delivered", 40, 10);
    await event("dead-100-days-ago", "dead", 100);
    await event("pending-100-days-ago", "pending", 100);

    // Job runs.
    const run = (label: string, status: "running" | "succeeded" | "failed", startedDaysAgo: number) =>
      prisma.scheduledJobRun.create({
        data: {
          job: "prune.test",
          periodKey: label,
          instanceId: "t",
          status,
          startedAt: ago(startedDaysAgo),
          leaseUntil: ago(startedDaysAgo),
        },
      });
    await run("succeeded-91", "succeeded", 91);
    await run("failed-91", "failed", 91);
    await run("running-91", "running", 91);
    await run("succeeded-89", "succeeded", 89);

    const ctx = { prisma, clock, now, merchantId: null, instanceId: "t" };
    expect(await pruneRecords(ctx)).toEqual({ rateLimits: 12_000, idempotencyRecords: 1, outboxEvents: 1, jobRuns: 2 });
    expect(await pruneRecords(ctx)).toEqual({ rateLimits: 0, idempotencyRecords: 0, outboxEvents: 0, jobRuns: 0 });

    const keys = await prisma.rateLimit.findMany({ where: { key: { startsWith: "prune-test:" } }, select: { key: true } });
    expect(keys.map((row) => row.key).sort()).toEqual(["prune-test:forever", "prune-test:live"]);
    expect((await prisma.idempotencyRecord.findMany({ where: { merchantId }, select: { key: true } })).map((row) => row.key)).toEqual([
      "live-key",
    ]);
    const events = await prisma.outboxEvent.findMany({ where: { coalesceKey: { startsWith: "prune:" } }, select: { coalesceKey: true } });
    expect(events.map((row) => row.coalesceKey).sort()).toEqual([
      "prune:dead-100-days-ago",
      "prune:delivered-29-days-ago",
      "prune:due-40-days-ago-delivered-10-days-ago",
      "prune:pending-100-days-ago",
    ]);
    const runs = await prisma.scheduledJobRun.findMany({ where: { job: "prune.test" }, select: { periodKey: true } });
    expect(runs.map((row) => row.periodKey).sort()).toEqual(["running-91", "succeeded-89"]);
  });
});
