import "server-only";
import { hostname } from "node:os";
import { systemClock, type Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/transaction";
import { logger } from "@/lib/logger";

export type OutboxRecord = {
  id: string;
  type: string;
  payload: unknown;
  coalesceKey: string | null;
  attempts: number;
  merchantId: string | null;
  createdAt: Date;
};

/**
 * Transactional handlers write to the database only: they run in the same
 * transaction that marks their events delivered, so each event counts once.
 * Delivery handlers call the outside world (Apple, Google, SMTP): they run
 * outside any transaction; events with the same coalesce key are delivered
 * once, with the newest event, and retried together.
 */
export type OutboxHandler =
  | { type: string; kind: "transactional"; batchSize?: number; handle: (tx: Tx, events: OutboxRecord[]) => Promise<void> }
  | { type: string; kind: "delivery"; batchSize?: number; coalesce?: boolean; handle: (event: OutboxRecord) => Promise<void> };

export type OutboxWorkerOptions = {
  handlers: OutboxHandler[];
  clock?: Clock;
  workerId?: string;
  /** How long a claim holds before another worker may take the event over. */
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** Source of jitter in [0, 1). */
  random?: () => number;
  pollMs?: number;
  /**
   * After a pass that found events but filled no batch, how long to let new ones gather before the next pass:
   * under a steady stream of stamps this turns many passes of a few events into few passes of many, at the
   * cost of that much delay on a wallet update. A full batch is followed at once.
   */
  batchWindowMs?: number;
};

/**
 * An error that says retrying is pointless (`retryable: false`, e.g. Google refusing a request with a 400) marks
 * the event dead at once, with the error kept on the row for an admin to read, retry or discard.
 */
function refusedForGood(error: unknown): boolean {
  return typeof error === "object" && error !== null && "retryable" in error && (error as { retryable: unknown }).retryable === false;
}

/** Delay before attempt n+1 after n failed ones: exponential, capped, with jitter (half fixed, half random). */
export function retryDelayMs(attempts: number, backoff: { baseMs: number; maxMs: number }, random: number): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random * 0.5));
}

/**
 * Delivers outbox events. Workers claim rows with FOR UPDATE SKIP LOCKED and
 * a lease, so any number may run side by side (in each app process, or apart
 * with `npm run worker`) without delivering an event twice. A failing event
 * is retried with exponential backoff and jitter, and after `maxAttempts`
 * marked dead with its last error, for an admin to retry or discard.
 */
export class OutboxWorker {
  private readonly clock: Clock;
  private readonly workerId: string;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly random: () => number;
  private readonly pollMs: number;
  private readonly batchWindowMs: number;
  private lastPassFilledABatch = false;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.clock = options.clock ?? systemClock;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.backoff = options.backoff ?? { baseMs: 2_000, maxMs: 60 * 60_000 };
    this.random = options.random ?? Math.random;
    this.pollMs = options.pollMs ?? 500;
    this.batchWindowMs = options.batchWindowMs ?? 200;
  }

  /** One pass over every event type; returns how many events were handled (delivered or failed). */
  async runOnce(): Promise<number> {
    let handled = 0;
    this.lastPassFilledABatch = false;
    for (const handler of this.options.handlers) {
      const batchSize = handler.batchSize ?? 100;
      const events = await this.claim(handler.type, batchSize);
      if (events.length === 0) continue;
      if (events.length === batchSize) this.lastPassFilledABatch = true;
      handled += events.length;
      if (handler.kind === "transactional") await this.runTransactional(handler, events);
      else await this.runDeliveries(handler, events);
    }
    return handled;
  }

  /** Runs passes until nothing is due (tests, and draining at shutdown). */
  async drain(maxPasses = 1_000): Promise<void> {
    for (let pass = 0; pass < maxPasses; pass++) if ((await this.runOnce()) === 0) return;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the pass in progress. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
        failures = 0;
      } catch (error) {
        failures++;
        logger.error("outbox.pass_failed", { error, workerId: this.workerId });
      }
      const pause = this.pauseAfter(handled, failures);
      if (pause > 0 && this.running) await this.sleep(pause);
    }
  }

  /** Nothing due: poll again later (backing off after failures); some due: gather more, unless a batch was full. */
  private pauseAfter(handled: number, failures: number): number {
    if (handled === 0) return failures > 0 ? Math.min(30_000, this.pollMs * 2 ** failures) : this.pollMs;
    return this.lastPassFilledABatch ? 0 : this.batchWindowMs;
  }

  /** Waits `ms`, or less when stop() is called meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async claim(type: string, limit: number): Promise<OutboxRecord[]> {
    const now = this.clock.now();
    const leaseEnd = new Date(now.getTime() + this.leaseMs);
    return db.$queryRaw<OutboxRecord[]>`
      UPDATE outbox_events o
      SET locked_until = ${leaseEnd}::timestamptz, locked_by = ${this.workerId}, attempts = o.attempts + 1, updated_at = ${now}::timestamptz
      FROM (
        SELECT id FROM outbox_events
        WHERE status = 'pending' AND type = ${type} AND next_attempt_at <= ${now}::timestamptz
          AND (locked_until IS NULL OR locked_until < ${now}::timestamptz)
        ORDER BY next_attempt_at, id
        LIMIT ${limit}::int
        FOR UPDATE SKIP LOCKED
      ) claimed
      WHERE o.id = claimed.id
      RETURNING o.id, o.type, o.payload, o.coalesce_key AS "coalesceKey", o.attempts, o.merchant_id AS "merchantId", o.created_at AS "createdAt"`;
  }

  private async runTransactional(handler: Extract<OutboxHandler, { kind: "transactional" }>, events: OutboxRecord[]): Promise<void> {
    try {
      await db.$transaction(async (tx) => {
        const ids = events.map((event) => event.id);
        // Still ours? A worker whose lease ran out must not apply events another worker took over.
        const valid = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM outbox_events WHERE id = ANY(${ids}::uuid[]) AND locked_by = ${this.workerId} AND status = 'pending' FOR UPDATE`;
        const validIds = new Set(valid.map((row) => row.id));
        await handler.handle(
          tx,
          events.filter((event) => validIds.has(event.id)),
        );
        await this.markDelivered(tx, [...validIds]);
      });
    } catch (error) {
      await this.markFailed(events, error);
    }
  }

  private async runDeliveries(handler: Extract<OutboxHandler, { kind: "delivery" }>, events: OutboxRecord[]): Promise<void> {
    const groups = new Map<string, OutboxRecord[]>();
    for (const event of events) {
      const key = handler.coalesce && event.coalesceKey ? event.coalesceKey : `event:${event.id}`;
      groups.set(key, [...(groups.get(key) ?? []), event]);
    }
    // Successes are marked in one statement per batch: one round trip, not one per card.
    const delivered: string[] = [];
    for (const group of groups.values()) {
      const newest = group.reduce((a, b) =>
        b.createdAt > a.createdAt || (b.createdAt.getTime() === a.createdAt.getTime() && b.id > a.id) ? b : a,
      );
      try {
        await handler.handle(newest);
        delivered.push(...group.map((event) => event.id));
      } catch (error) {
        await this.markFailed(group, error);
      }
    }
    await this.markDelivered(db, delivered);
  }

  private async markDelivered(tx: Tx, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const now = this.clock.now();
    await tx.$executeRaw`
      UPDATE outbox_events SET status = 'delivered', delivered_at = ${now}::timestamptz, locked_until = NULL, last_error = NULL, updated_at = ${now}::timestamptz
      WHERE id = ANY(${ids}::uuid[]) AND locked_by = ${this.workerId}`;
  }

  private async markFailed(events: OutboxRecord[], error: unknown): Promise<void> {
    const now = this.clock.now();
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
    for (const event of events) {
      const dead = event.attempts >= this.maxAttempts || refusedForGood(error);
      const next = new Date(now.getTime() + retryDelayMs(event.attempts, this.backoff, this.random()));
      await db.$executeRaw`
        UPDATE outbox_events
        SET status = ${dead ? "dead" : "pending"}::"OutboxStatus", next_attempt_at = ${next}::timestamptz, locked_until = NULL,
            last_error = ${message}, updated_at = ${now}::timestamptz
        WHERE id = ${event.id}::uuid AND locked_by = ${this.workerId}`;
      logger.warn(dead ? "outbox.dead" : "outbox.retry", { eventId: event.id, type: event.type, attempts: event.attempts, error: message });
    }
  }
}
