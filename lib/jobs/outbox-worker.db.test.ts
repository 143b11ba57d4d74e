import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createMerchant } from "@/test/factories";
import { OutboxWorker, retryDelayMs, type OutboxRecord } from "./outbox-worker";

describe("retryDelayMs", () => {
  it("grows exponentially from the base, is capped, and keeps at least half of the delay whatever the jitter", () => {
    const backoff = { baseMs: 1_000, maxMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((attempts) => retryDelayMs(attempts, backoff, 1))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(retryDelayMs(3, backoff, 0)).toBe(2_000);
    expect(retryDelayMs(3, backoff, 0.5)).toBe(3_000);
  });
});

describe(`the outbox worker on ${databaseKind()}`, () => {
  const database = useTestDatabase();

  async function enqueue(type: string, count: number, options: { coalesceKey?: string; at?: Date } = {}) {
    const { merchant } = await createMerchant(database().prisma);
    const at = options.at ?? new Date("2026-01-01T00:00:00Z");
    const ids = Array.from({ length: count }, () => newId());
    await database().prisma.outboxEvent.createMany({
      data: ids.map((id, index) => ({
        id,
        merchantId: merchant.id,
        type,
        payload: { n: index },
        coalesceKey: options.coalesceKey ?? null,
        nextAttemptAt: at,
        createdAt: new Date(at.getTime() + index),
      })),
    });
    return ids;
  }

  it("two workers on one outbox deliver each event exactly once", async () => {
    const type = `test.exactly_once.${newId()}`;
    const ids = await enqueue(type, 200);
    const seen: string[] = [];
    const handler = {
      type,
      kind: "delivery" as const,
      batchSize: 7,
      handle: async (event: OutboxRecord) => {
        seen.push(event.id);
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    };
    const a = new OutboxWorker({ handlers: [handler], workerId: "a" });
    const b = new OutboxWorker({ handlers: [handler], workerId: "b" });
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.sort()).toEqual([...ids].sort());
    const delivered = await database().prisma.outboxEvent.findMany({
      where: { type },
      select: { status: true, attempts: true, lockedBy: true },
    });
    expect(delivered.every((event) => event.status === "delivered" && event.attempts === 1)).toBe(true);
    if (databaseKind() === "postgresql") expect(new Set(delivered.map((event) => event.lockedBy))).toEqual(new Set(["a", "b"]));
  });

  it("retries a failing delivery with growing delays, and delivers it when it succeeds", async () => {
    const type = `test.retry.${newId()}`;
    const [id] = await enqueue(type, 1);
    const clock = fixedClock("2026-01-01T00:00:00Z");
    let calls = 0;
    const worker = new OutboxWorker({
      clock,
      random: () => 1,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      handlers: [
        {
          type,
          kind: "delivery",
          handle: async () => {
            calls++;
            if (calls <= 2) throw new Error(`Google answered 503 (call ${calls})`);
          },
        },
      ],
    });
    const event = () => database().prisma.outboxEvent.findUniqueOrThrow({ where: { id } });

    expect(await worker.runOnce()).toBe(1);
    expect(await event()).toMatchObject({ status: "pending", attempts: 1, lastError: "Google answered 503 (call 1)" });
    const firstRetry = (await event()).nextAttemptAt.getTime() - clock.now().getTime();
    expect(await worker.runOnce()).toBe(0); // not due yet

    clock.advance(firstRetry);
    expect(await worker.runOnce()).toBe(1);
    const secondRetry = (await event()).nextAttemptAt.getTime() - clock.now().getTime();
    expect(firstRetry).toBe(1_000);
    expect(secondRetry).toBe(2_000);

    clock.advance(secondRetry);
    expect(await worker.runOnce()).toBe(1);
    expect(await event()).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
    expect(calls).toBe(3);
  });

  it("marks an event dead with its last error after the configured number of attempts", async () => {
    const type = `test.dead.${newId()}`;
    const [id] = await enqueue(type, 1);
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const worker = new OutboxWorker({
      clock,
      maxAttempts: 3,
      backoff: { baseMs: 10, maxMs: 10 },
      handlers: [{ type, kind: "delivery", handle: async () => Promise.reject(new Error("invalid pass type certificate")) }],
    });
    for (let i = 0; i < 5; i++) {
      await worker.runOnce();
      clock.advance(1_000);
    }
    expect(await database().prisma.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "dead",
      attempts: 3,
      lastError: "invalid pass type certificate",
    });
  });

  it("delivers events with one coalesce key once, with the newest event", async () => {
    const type = `test.coalesce.${newId()}`;
    const ids = await enqueue(type, 30, { coalesceKey: `card:${newId()}` });
    const handled: OutboxRecord[] = [];
    const worker = new OutboxWorker({
      handlers: [{ type, kind: "delivery", coalesce: true, batchSize: 100, handle: async (event) => void handled.push(event) }],
    });
    await worker.drain();
    expect(handled.map((event) => event.id)).toEqual([ids.at(-1)]);
    expect(await database().prisma.outboxEvent.count({ where: { type, status: "delivered" } })).toBe(30);
  });

  it("runs a transactional handler in the transaction that marks its events delivered: a failure applies nothing", async () => {
    const type = `test.transactional.${newId()}`;
    await enqueue(type, 3);
    const { merchant } = await createMerchant(database().prisma);
    let fail = true;
    const worker = new OutboxWorker({
      backoff: { baseMs: 0, maxMs: 0 },
      handlers: [
        {
          type,
          kind: "transactional",
          handle: async (tx, events) => {
            await tx.merchant.update({ where: { id: merchant.id }, data: { name: `handled ${events.length}` } });
            if (fail) throw new Error("boom");
          },
        },
      ],
    });
    await worker.runOnce();
    expect((await database().prisma.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).name).toBe(merchant.name);
    expect(await database().prisma.outboxEvent.count({ where: { type, status: "pending" } })).toBe(3);
    fail = false;
    await worker.drain();
    expect((await database().prisma.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).name).toBe("handled 3");
    expect(await database().prisma.outboxEvent.count({ where: { type, status: "delivered" } })).toBe(3);
  });

  it("while running, lets events that trickle in gather for the batch window and takes them in one pass", async () => {
    const type = `test.window.${newId()}`;
    const batches: number[] = [];
    const worker = new OutboxWorker({
      pollMs: 20,
      batchWindowMs: 1_500,
      handlers: [{ type, kind: "transactional", batchSize: 50, handle: async (_tx, events) => void batches.push(events.length) }],
    });
    const until = async (done: () => boolean) => {
      for (let waited = 0; !done(); waited += 10) {
        if (waited > 10_000) throw new Error(`the worker did not get there: batches ${JSON.stringify(batches)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    worker.start();
    try {
      await enqueue(type, 1);
      await until(() => batches.length === 1);
      // Five events, one by one, well inside the window that the first pass opened.
      for (let n = 0; n < 5; n++) {
        await enqueue(type, 1);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await until(() => batches.reduce((sum, size) => sum + size, 0) === 6);
      expect(batches).toEqual([1, 5]);
    } finally {
      await worker.stop();
    }
  });
});
