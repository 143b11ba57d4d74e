import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { databaseUrl, startPostgresCluster, type PostgresCluster } from "@/test/postgres-cluster";
import { postStamp, seedCounter, sleep, type CounterSeed, type StampAnswer } from "./support/seed-counter";
import { startAppInstance, type AppInstance } from "./support/system-app";

/**
 * PostgreSQL restarted under a stamp load, on a throwaway server this suite
 * controls: while it is down the app answers 503 problem+json
 * (SERVICE_UNAVAILABLE, Retry-After), never a 500 or a hang, and once it is
 * back the same app process serves again: its pool drops the dead
 * connections (lib/db/guard-pool.ts) and opens new ones.
 */
describe("PostgreSQL restarted during a load", () => {
  let cluster: PostgresCluster | undefined;
  let database: Database | undefined;
  let url = "";
  let app: AppInstance | undefined;

  beforeAll(async () => {
    // Every commit acknowledged is on disk before the answer: an immediate stop must not lose what the app acknowledged.
    cluster = await startPostgresCluster(["synchronous_commit=on"]);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE app");
    await admin.end();
    url = databaseUrl(cluster.url, "app");
    database = openDatabase({ kind: "postgresql", url, poolSize: 2 }, "system test");
    await applyMigrations(database);
  });

  afterAll(async () => {
    await app?.kill("SIGKILL");
    await database?.close().catch(() => {});
    cluster?.stop();
  });

  it("answers 503 with Retry-After while it is down, and serves again without restarting the app", async () => {
    const seed: CounterSeed = await seedCounter(database!, { cards: 200 });
    app = await startAppInstance({ databaseUrl: url });
    const pid = app.pid;

    type Sent = { key: string; cardNumber: string; at: number; answer: StampAnswer };
    const sent: Sent[] = [];
    const health: { at: number; status: number; ms: number }[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const cardNumber = seed.cards[Math.floor(Math.random() * seed.cards.length)]!.cardNumber;
        const key = randomUUID();
        const at = Date.now();
        const answer = await postStamp(app!.url, seed, { cardNumber, idempotencyKey: key });
        sent.push({ key, cardNumber, at, answer });
        // A client told to retry later backs off a little, as Retry-After asks (shortened to keep the suite quick).
        if (answer.status === 503) await sleep(100);
      }
    };
    const healthPoller = async () => {
      while (!stop) {
        const started = performance.now();
        let status = 0;
        try {
          status = (await fetch(`${app!.url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
        } catch {
          status = 0;
        }
        health.push({ at: Date.now(), status, ms: performance.now() - started });
        await sleep(200);
      }
    };
    const load = [...Array.from({ length: 8 }, client), healthPoller()];

    const outages: { mode: "fast" | "immediate"; from: number; back: number; recovered?: number }[] = [];
    for (const mode of ["fast", "immediate"] as const) {
      await sleep(1_500);
      const from = Date.now();
      await cluster!.restart({ mode, downtimeMs: 2_500 });
      const back = Date.now();
      const outage: (typeof outages)[number] = { mode, from, back };
      outages.push(outage);
      // Served again: the first success of a request sent after the server was back.
      const deadline = back + 15_000;
      while (Date.now() < deadline && outage.recovered === undefined) {
        outage.recovered = sent.find((s) => s.at >= back && s.answer.status === 200)?.at;
        await sleep(50);
      }
    }
    await sleep(1_500);
    stop = true;
    await Promise.all(load);

    // The same process throughout.
    expect(app.exited()).toBe(false);
    expect(app.pid).toBe(pid);

    // Only successes and 503 problem+json with Retry-After; no 500, no connection dropped.
    const failures = sent.filter((s) => s.answer.status !== 200);
    for (const failure of failures) {
      expect(failure.answer.status, JSON.stringify(failure.answer.body)).toBe(503);
      expect(failure.answer.headers?.get("content-type")).toContain("application/problem+json");
      expect(failure.answer.body?.code).toBe("SERVICE_UNAVAILABLE");
      expect(Number(failure.answer.headers?.get("retry-after"))).toBeGreaterThan(0);
    }
    for (const outage of outages) {
      const during = sent.filter((s) => s.at >= outage.from && s.at < outage.back);
      expect(
        during.some((s) => s.answer.status === 503),
        `503 while down (${outage.mode})`,
      ).toBe(true);
      expect(outage.recovered, `served again after the ${outage.mode} restart`).toBeDefined();
      expect(outage.recovered! - outage.back).toBeLessThan(5_000);
      // Health says so too: 503 while down, 200 afterwards, always answered.
      expect(health.some((h) => h.at >= outage.from && h.at < outage.back && h.status === 503)).toBe(true);
      expect(health.some((h) => h.at >= outage.back && h.status === 200)).toBe(true);
    }
    expect(health.every((h) => h.status === 200 || h.status === 503)).toBe(true);
    // Once back, requests succeed steadily.
    const last = sent.filter((s) => s.at >= outages.at(-1)!.recovered! + 500);
    expect(last.length).toBeGreaterThan(10);
    expect(last.every((s) => s.answer.status === 200)).toBe(true);

    // Nothing acknowledged was lost; what failed is retried with its key and done once.
    const { prisma } = database!;
    const acknowledged = sent.filter((s) => s.answer.status === 200);
    const ids = acknowledged.map((s) => s.answer.body!.transactionId!);
    expect(await prisma.ledgerEntry.count({ where: { id: { in: ids } } })).toBe(ids.length);
    // By the eight clients that sent them, eight at a time: hundreds at once would be shed as overload (503, lib/http/in-flight.ts).
    const retried: StampAnswer[] = [];
    for (let i = 0; i < failures.length; i += 8) {
      const batch = failures.slice(i, i + 8);
      retried.push(
        ...(await Promise.all(batch.map((s) => postStamp(app!.url, seed, { cardNumber: s.cardNumber, idempotencyKey: s.key })))),
      );
    }
    expect(retried.filter((answer) => answer.status !== 200)).toEqual([]);
    expect(await prisma.ledgerEntry.count({ where: { merchantId: seed.merchantId } })).toBe(sent.length);
    expect((await verifyLedger(prisma)).mismatches).toEqual([]);
  });
});
