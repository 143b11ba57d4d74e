// npm run bench:dashboard — the merchant dashboard at scale.
//
// Starts a throwaway PostgreSQL server (auto_explain loaded, off until the
// plan capture), seeds the large demo into it (`npm run db:seed -- --large`:
// 100,000 cards, 1,000,000 ledger rows), starts the built app, logs in as
// the large demo's owner and measures the time to first byte of three pages and one fetch
// at 1 and 8 concurrent clients: the overview, a customer search (by a
// customer's name, rotating over several) and a card detail (rotating over
// cards with long histories), and the JSON the overview's chart fetches
// when split by staff member. GET /api/ping from the same build is the
// framework's baseline in the same run. Then each page is loaded with
// auto_explain logging every statement's EXPLAIN ANALYZE: the slowest plan
// of each page is printed, and the rows every statement read are counted
// against the limit of 10,000. BENCH_SECONDS sets each run's length.
import os from "node:os";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { seedLarge } from "@/lib/demo/seed-large";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { freePort } from "@/test/free-port";
import { databaseUrl, startPostgresCluster } from "@/test/postgres-cluster";
import { startBuiltApp } from "./support/app-server";
import { peakMemoryMb, recordSummary } from "./support/summary";
import { measureTtfb, type PageTiming } from "./support/page-timing";
import { formatPlan, logOffset, plansSince, rowsRead, type LoggedPlan } from "./support/query-plans";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENT_COUNTS = [1, 8] as const;
const ROW_LIMIT = 10_000;
const SECRET_KEY = "bench-secret-key-0123456789abcdefghijklmnop";

type Page = { name: string; url: () => string };

async function logIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
    redirect: "manual",
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`logging in as ${email} failed (${response.status})`);
  return session;
}

async function main() {
  console.log(
    `Dashboard benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), ${SECONDS} s per run, PostgreSQL throwaway server.`,
  );
  buildIfNeeded();
  const cluster = await startPostgresCluster([
    // auto_explain.log_min_duration stays at its default (-1, off) here: a command-line setting would win over ALTER SYSTEM.
    "shared_preload_libraries=auto_explain",
    "auto_explain.log_analyze=on",
    "auto_explain.log_format=json",
    "auto_explain.log_nested_statements=on",
  ]);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  const url = databaseUrl(cluster.url, "bench");
  const database = openDatabase({ kind: "postgresql", url, poolSize: 4 }, "bench");
  let app: Awaited<ReturnType<typeof startBuiltApp>> | undefined;
  try {
    await applyMigrations(database);
    const seedStarted = performance.now();
    const seed = await seedLarge(database, SECRET_KEY, new Date(), () => {});
    console.log(
      `Seeded the large demo in ${Math.round((performance.now() - seedStarted) / 1000)} s: ${seed.cards.toLocaleString("en")} cards, ${seed.ledgerRows.toLocaleString("en")} ledger rows.`,
    );
    const { rows: names } = await database.query<{ name: string }>(
      "SELECT cu.name FROM cards c JOIN customers cu ON cu.id = c.customer_id WHERE c.merchant_id = $1 ORDER BY c.id LIMIT 20 OFFSET 5000",
      [seed.merchantId],
    );
    const { rows: busyCards } = await database.query<{ card_number: string }>(
      "SELECT card_number FROM cards WHERE merchant_id = $1 AND version >= 19 ORDER BY id LIMIT 20",
      [seed.merchantId],
    );
    await database.close();

    const port = await freePort();
    app = await startBuiltApp(
      { DATABASE_URL: url, LOYALTY_SECRET_KEY: SECRET_KEY, AUTH_SECRET: SECRET_KEY, LOYALTY_DATA_DIR: os.tmpdir() },
      port,
    );
    const cookie = await logIn(app.url, seed.ownerEmail, seed.ownerPassword);
    const headers = { cookie };
    let turn = 0;
    const next = <T>(list: T[]) => list[turn++ % list.length]!;
    const pages: Page[] = [
      { name: "overview", url: () => `${app!.url}/dashboard` },
      { name: "customer search", url: () => `${app!.url}/dashboard/customers?q=${encodeURIComponent(next(names).name)}` },
      { name: "card detail", url: () => `${app!.url}/dashboard/customers/${next(busyCards).card_number}` },
      // What the overview's chart fetches when split by staff member (the largest split).
      { name: "chart by staff (JSON)", url: () => `${app!.url}/dashboard/activity/staff` },
    ];

    // Warm up (JIT, connection pools, first renders) before measuring.
    for (const page of pages) await measureTtfb({ label: page.name, url: page.url, clients: 2, seconds: 2, headers });

    const timings: PageTiming[] = [];
    for (const clients of CLIENT_COUNTS) {
      timings.push(await measureTtfb({ label: "baseline GET /api/ping", url: `${app.url}/api/ping`, clients, seconds: SECONDS }));
      for (const page of pages) timings.push(await measureTtfb({ label: page.name, url: page.url, clients, seconds: SECONDS, headers }));
    }

    // Plans: every statement of a few loads of each page, with EXPLAIN ANALYZE.
    await admin.query("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
    await admin.query("SELECT pg_reload_conf()");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const plans = new Map<string, LoggedPlan[]>();
    for (const page of pages) {
      const offset = logOffset(cluster.logFile);
      for (let load = 0; load < 3; load++) {
        const response = await fetch(page.url(), { headers });
        await response.arrayBuffer();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      plans.set(page.name, plansSince(cluster.logFile, offset));
    }
    await admin.query("ALTER SYSTEM RESET auto_explain.log_min_duration");
    await admin.query("SELECT pg_reload_conf()");

    report(timings, plans, peakMemoryMb(app.pid));
  } finally {
    await app?.stop();
    await admin.end().catch(() => {});
    cluster.stop();
  }
}

function report(timings: PageTiming[], plans: Map<string, LoggedPlan[]>, memory: number | undefined) {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  console.log("\nclients  page                      requests  median TTFB  p95 TTFB  errors");
  for (const row of timings) {
    console.log(
      `${String(row.clients).padStart(7)}  ${row.label.padEnd(24)}  ${String(row.requests).padStart(8)}  ${ms(row.medianMs)}  ${ms(row.p95Ms)}  ${String(row.errors).padStart(6)}`,
    );
  }

  let maxRows = 0;
  console.log("\nSlowest statement of each page (3 loads, EXPLAIN ANALYZE by auto_explain):");
  for (const [page, logged] of plans) {
    const pagePlans = logged.filter((plan) => !plan.queryText.includes("outbox_events"));
    const slowest = [...pagePlans].sort((a, b) => b.durationMs - a.durationMs)[0];
    const pageMax = Math.max(0, ...pagePlans.map((plan) => rowsRead(plan.plan)));
    maxRows = Math.max(maxRows, pageMax);
    console.log(
      `\n■ ${page}: ${pagePlans.length / 3} statements per load; most rows read by one statement: ${pageMax.toLocaleString("en")}`,
    );
    if (!slowest) continue;
    console.log(`  slowest: ${slowest.durationMs.toFixed(2)} ms, ${rowsRead(slowest.plan).toLocaleString("en")} rows read`);
    console.log(`  ${slowest.queryText.replace(/\s+/g, " ").slice(0, 300)}`);
    for (const line of formatPlan(slowest.plan)) console.log(`    ${line}`);
  }

  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log("\nTargets");
  for (const page of ["overview", "customer search", "card detail", "chart by staff (JSON)"]) {
    const one = timings.find((row) => row.label === page && row.clients === 1)!;
    const eight = timings.find((row) => row.label === page && row.clients === 8)!;
    console.log(`  ${page.padEnd(21)} median at 1 client < 30 ms: ${one.medianMs.toFixed(1)} ms ${mark(one.medianMs < 30)}`);
    console.log(`  ${page.padEnd(21)} p95 at 8 clients < 150 ms:  ${eight.p95Ms.toFixed(1)} ms ${mark(eight.p95Ms < 150)}`);
  }
  const baseline = timings.find((row) => row.label.startsWith("baseline") && row.clients === 1)!;
  console.log(`  (baseline /api/ping at 1 client: median ${baseline.medianMs.toFixed(1)} ms: the framework's own share)`);
  console.log(
    `  no statement reads more than ${ROW_LIMIT.toLocaleString("en")} rows: most ${maxRows.toLocaleString("en")} ${mark(maxRows <= ROW_LIMIT)}`,
  );
  const baselineAt = (clients: number) => timings.find((row) => row.label.startsWith("baseline") && row.clients === clients)!;
  recordSummary(
    ["overview", "customer search", "card detail", "chart by staff (JSON)"].flatMap((page, index) => {
      const one = timings.find((row) => row.label === page && row.clients === 1)!;
      const eight = timings.find((row) => row.label === page && row.clients === 8)!;
      const rate = (row: PageTiming) => row.requests / SECONDS;
      return [
        {
          bench: "dashboard",
          what: `${page}, 1 client (p99 column: p95)`,
          throughput: rate(one),
          p50Ms: one.medianMs,
          p99Ms: one.p95Ms,
          baseline: { what: "GET /api/ping", throughput: rate(baselineAt(1)) },
          target: { text: "median < 30 ms", met: one.medianMs < 30 },
        },
        {
          bench: "dashboard",
          what: `${page}, 8 clients (p99 column: p95)`,
          throughput: rate(eight),
          p50Ms: eight.medianMs,
          p99Ms: eight.p95Ms,
          peakMemoryMb: index === 3 ? memory : undefined,
          baseline: { what: "GET /api/ping", throughput: rate(baselineAt(8)) },
          target: { text: "p95 < 150 ms", met: eight.p95Ms < 150 },
        },
      ];
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
