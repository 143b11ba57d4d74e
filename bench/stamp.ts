// npm run bench:stamp — the stamp path under load, against its two ceilings.
//
// Starts a throwaway PostgreSQL server and the built app on it, seeds cards,
// and drives POST /stamp over HTTP with 1, 8 and 32 clients. In the same run
// it measures the framework's ceiling (GET /api/ping, a constant JSON body
// from the same build) and the database's (the least SQL a stamp needs, sent
// directly with pg), and prints requests/s, p50, p99 and both ratios. Then
// 50 parallel stamps on one card, and stamps with PINs against the argon2
// verifications/s this machine does. BENCH_SECONDS sets each run's length.
import os from "node:os";
import argon2 from "argon2";
import pg from "pg";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { ARGON2_OPTIONS } from "@/lib/auth/password-hash";
import { pinLookupDigest } from "@/lib/auth/pin-lookup";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { newId } from "@/lib/ids";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { freePort } from "@/test/free-port";
import { databaseUrl, startPostgresCluster } from "@/test/postgres-cluster";
import { startBuiltApp } from "./support/app-server";
import { measureHttp, measureLoop, type Measurement } from "./support/measure";
import { peakMemoryMb, recordSummary, type SummaryRow } from "./support/summary";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CARDS = 20_000;
// BENCH_CLIENTS=8 (or "1,8") measures only those client counts, for a quicker look; the targets need 8 and 32.
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? "1,8,32").split(",").map(Number);
// The app's outbox worker runs in process, as by default; BENCH_NO_WORKER=1 runs it without (as with `npm run worker` apart).
const NO_WORKER = process.env.BENCH_NO_WORKER === "1";
const SECRET_KEY = "bench-secret-key-0123456789abcdefghijklmnop";

async function main() {
  console.log(
    `Stamp benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${SECONDS} s per run, PostgreSQL throwaway server.`,
  );
  buildIfNeeded();
  const cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  const url = databaseUrl(cluster.url, "bench");
  const database = openDatabase({ kind: "postgresql", url, poolSize: 4 }, "bench");
  let app: Awaited<ReturnType<typeof startBuiltApp>> | undefined;
  try {
    await applyMigrations(database);
    const { prisma } = database;
    const merchant = await prisma.merchant.create({ data: { name: "Bench café" } });
    const program = await prisma.program.create({
      data: {
        merchantId: merchant.id,
        type: "stamps",
        cardName: "Bench",
        stampsTarget: 1_000,
        cooldownMinutes: 0,
        maxDailyStamps: 1_000,
        requireStaffPin: false,
      },
    });
    const store = await prisma.store.create({ data: { merchantId: merchant.id, name: "Bench store", code: "BENCH1" } });
    const { key, keyHash, prefix } = generateApiKey();
    await prisma.apiKey.create({ data: { merchantId: merchant.id, name: "bench", keyHash, prefix } });
    const customers = Array.from({ length: CARDS }, () => ({ id: newId(), name: "Bench" }));
    for (let i = 0; i < customers.length; i += 1_000) await prisma.customer.createMany({ data: customers.slice(i, i + 1_000) });
    const cards = customers.map((customer) => ({
      ...generateCardIdentifiers(),
      id: newId(),
      merchantId: merchant.id,
      programId: program.id,
      customerId: customer.id,
    }));
    // Batches small enough that Prisma sends each as one statement (bigger ones it splits, and runs the parts concurrently on one connection).
    for (let i = 0; i < cards.length; i += 1_000) await prisma.card.createMany({ data: cards.slice(i, i + 1_000) });
    console.log(`Seeded ${CARDS} cards.`);

    const port = await freePort();
    app = await startBuiltApp(
      {
        DATABASE_URL: url,
        LOYALTY_SECRET_KEY: SECRET_KEY,
        AUTH_SECRET: SECRET_KEY,
        LOYALTY_DB_POOL_SIZE: "20",
        LOYALTY_DATA_DIR: os.tmpdir(),
        ...(NO_WORKER ? { LOYALTY_WORKER_IN_PROCESS: "false" } : {}),
      },
      port,
    );
    const randomCard = () => cards[Math.floor(Math.random() * cards.length)]!.cardNumber;
    const headers = { "content-type": "application/json", authorization: `Bearer ${key}` };
    const stampBody = () => JSON.stringify({ cardNumber: randomCard(), storeId: store.id });

    // Warm up the app (JIT, connection pools) before measuring.
    await measureHttp({
      label: "warm-up",
      url: `${app.url}/api/v1/vendor/loyalty/stamp`,
      clients: 8,
      seconds: 2,
      method: "POST",
      headers,
      body: stampBody,
    });

    const pool = new pg.Pool({ connectionString: url, max: 32 });
    const sqlStamp = async () => {
      const client = await pool.connect();
      try {
        const cardId = cards[Math.floor(Math.random() * cards.length)]!.id;
        await client.query("BEGIN");
        const { rows } = await client.query<{ stamp_count: number }>("SELECT stamp_count FROM cards WHERE id = $1 FOR UPDATE", [cardId]);
        await client.query("UPDATE cards SET stamp_count = stamp_count + 1, version = version + 1 WHERE id = $1", [cardId]);
        await client.query(
          "INSERT INTO ledger_entries (id, merchant_id, card_id, type, stamps_delta, points_delta, stamps_after, points_after) VALUES ($1, $2, $3, 'stamp_earned', 1, 0, $4, 0)",
          [newId(), merchant.id, cardId, rows[0]!.stamp_count + 1],
        );
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    };

    // Each stamp leaves one or two outbox events for the worker in the app (statistics, wallets). The next run starts
    // once they are delivered, so it does not share the machine with the worker catching up on the last one's.
    const outboxDelivered = async () => {
      const started = performance.now();
      while (performance.now() - started < 300_000) {
        if ((await prisma.outboxEvent.count({ where: { status: "pending" } })) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return ` (outbox delivered after ${((performance.now() - started) / 1000).toFixed(1)} s)`;
    };

    const rows: { clients: number; trivial: Measurement; trivialPost: Measurement; sql: Measurement; stamp: Measurement }[] = [];
    for (const clients of CLIENT_COUNTS) {
      const trivial = await measureHttp({ label: "GET /api/ping", url: `${app.url}/api/ping`, clients, seconds: SECONDS, appPid: app.pid });
      const trivialPost = await measureHttp({
        label: "POST /api/ping + body",
        url: `${app.url}/api/ping`,
        clients,
        seconds: SECONDS,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stampBody,
        appPid: app.pid,
      });
      const sql = await measureLoop("stamp SQL via pg", clients, SECONDS, sqlStamp);
      const stamp = await measureHttp({
        label: "POST /stamp",
        url: `${app.url}/api/v1/vendor/loyalty/stamp`,
        clients,
        seconds: SECONDS,
        method: "POST",
        headers,
        body: stampBody,
        appPid: app.pid,
      });
      rows.push({ clients, trivial, trivialPost, sql, stamp });
      console.log(`… ${clients} client(s) done${await outboxDelivered()}`);
    }
    await pool.end();

    // 50 parallel stamps on one card, cooldown 0.
    const hot = cards[0]!;
    const before = (await prisma.card.findUniqueOrThrow({ where: { id: hot.id } })).stampCount;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${app!.url}/api/v1/vendor/loyalty/stamp`, {
          method: "POST",
          headers,
          body: JSON.stringify({ cardNumber: hot.cardNumber, storeId: store.id }),
        }),
      ),
    );
    const hotMs = performance.now() - started;
    const hotOk = answers.filter((answer) => answer.status === 200).length;
    const after = (await prisma.card.findUniqueOrThrow({ where: { id: hot.id } })).stampCount;

    console.log(`… 50 parallel stamps done${await outboxDelivered()}`);

    // With PINs: every stamp verifies one argon2 hash (PIN-only flow: lookup digest, then one verification).
    const pin = "482913";
    const pinHash = await argon2.hash(pin, ARGON2_OPTIONS);
    await prisma.staffMember.create({
      data: {
        merchantId: merchant.id,
        name: "Bench staff",
        pinHash,
        pinLookup: pinLookupDigest(SECRET_KEY, merchant.id, pin),
        stores: { create: [{ storeId: store.id }] },
      },
    });
    await prisma.program.update({ where: { id: program.id }, data: { requireStaffPin: true } });
    const pinClients = 8;
    const withPin = await measureHttp({
      label: "POST /stamp with PIN",
      url: `${app.url}/api/v1/vendor/loyalty/stamp`,
      clients: pinClients,
      seconds: SECONDS,
      method: "POST",
      headers,
      body: () => JSON.stringify({ cardNumber: randomCard(), storeId: store.id, staffPin: pin }),
      appPid: app.pid,
    });
    const memory = peakMemoryMb(app.pid);
    await app.stop();
    app = undefined;
    const argonRate = await measureLoop("argon2id verify", pinClients, SECONDS, async () => {
      if (!(await argon2.verify(pinHash, pin))) throw new Error("argon2 verify failed");
    });

    report(rows, { hotMs, hotOk, stampsAdded: after - before }, withPin, argonRate, memory);
  } finally {
    await app?.stop();
    await database.close();
    await admin.end();
    cluster.stop();
  }
}

function report(
  rows: { clients: number; trivial: Measurement; trivialPost: Measurement; sql: Measurement; stamp: Measurement }[],
  hot: { hotMs: number; hotOk: number; stampsAdded: number },
  withPin: Measurement,
  argonRate: Measurement,
  memory: number | undefined,
) {
  const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
  console.log(
    `\nclients  what                    req/s    p50 ms    p99 ms  errors  non-2xx  app CPU ms/req${NO_WORKER ? "  (outbox worker not in the app)" : ""}`,
  );
  for (const row of rows) {
    for (const m of [row.trivial, row.trivialPost, row.sql, row.stamp]) {
      console.log(
        `${String(row.clients).padStart(7)}  ${m.label.padEnd(20)}${fmt(m.requestsPerSecond, 0)}${fmt(m.p50)}${fmt(m.p99)}${String(m.errors).padStart(8)}${String(m.non2xx).padStart(9)}${m.appCpuMsPerRequest === undefined ? "" : fmt(m.appCpuMsPerRequest, 2).padStart(16)}`,
      );
    }
    console.log(
      `         POST /stamp ÷ trivial route: ${(row.stamp.requestsPerSecond / row.trivial.requestsPerSecond).toFixed(2)}   ÷ trivial POST with body: ${(row.stamp.requestsPerSecond / row.trivialPost.requestsPerSecond).toFixed(2)}   ÷ stamp SQL: ${(row.stamp.requestsPerSecond / row.sql.requestsPerSecond).toFixed(2)}`,
    );
  }
  const at8 = rows.find((row) => row.clients === 8);
  const at32 = rows.find((row) => row.clients === 32);
  const pinRatio = withPin.requestsPerSecond / argonRate.requestsPerSecond;
  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log("\nTargets");
  if (at8) {
    const ratio8 = at8.stamp.requestsPerSecond / at8.trivial.requestsPerSecond;
    console.log(`  8 clients: ≥ 0.6 of the trivial route            ${ratio8.toFixed(2)}  ${mark(ratio8 >= 0.6)}`);
    console.log(`  8 clients: p99 ≤ 25 ms                           ${at8.stamp.p99.toFixed(1)} ms  ${mark(at8.stamp.p99 <= 25)}`);
  }
  if (at32)
    console.log(`  32 clients: p99 ≤ 100 ms                         ${at32.stamp.p99.toFixed(1)} ms  ${mark(at32.stamp.p99 <= 100)}`);
  console.log(
    `  50 parallel stamps on one card < 1 s, exactly 50  ${hot.hotMs.toFixed(0)} ms, ${hot.hotOk} answered 200, balance +${hot.stampsAdded}  ${mark(hot.hotMs < 1000 && hot.hotOk === 50 && hot.stampsAdded === 50)}`,
  );
  console.log(
    `  with PINs: ≥ 0.8 of argon2 verifications/s       ${withPin.requestsPerSecond.toFixed(1)} stamps/s ÷ ${argonRate.requestsPerSecond.toFixed(1)} verifications/s = ${pinRatio.toFixed(2)}  ${mark(pinRatio >= 0.8)}`,
  );
  console.log(
    `  (with PINs: p50 ${withPin.p50.toFixed(1)} ms, p99 ${withPin.p99.toFixed(1)} ms, ${withPin.non2xx} non-2xx, app CPU ${withPin.appCpuMsPerRequest?.toFixed(1) ?? "?"} ms per stamp)`,
  );
  const summary: SummaryRow[] = rows.map((row) => ({
    bench: "stamp",
    what: `POST /stamp, ${row.clients} client${row.clients === 1 ? "" : "s"}`,
    throughput: row.stamp.requestsPerSecond,
    p50Ms: row.stamp.p50,
    p99Ms: row.stamp.p99,
    baseline: { what: "GET /api/ping", throughput: row.trivial.requestsPerSecond },
    target:
      row.clients === 8
        ? {
            text: "≥ 0.6 of trivial, p99 ≤ 25 ms",
            met: row.stamp.requestsPerSecond / row.trivial.requestsPerSecond >= 0.6 && row.stamp.p99 <= 25,
          }
        : row.clients === 32
          ? { text: "p99 ≤ 100 ms", met: row.stamp.p99 <= 100 }
          : undefined,
  }));
  summary.push({
    bench: "stamp",
    what: `POST /stamp with PINs, ${withPin.clients} clients`,
    throughput: withPin.requestsPerSecond,
    p50Ms: withPin.p50,
    p99Ms: withPin.p99,
    peakMemoryMb: memory,
    baseline: { what: "argon2id verify", throughput: argonRate.requestsPerSecond },
    target: { text: "≥ 0.8 of argon2", met: pinRatio >= 0.8 },
  });
  recordSummary(summary);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
