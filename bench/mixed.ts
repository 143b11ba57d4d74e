// npm run bench:mixed — the product's three busiest paths at once, as a busy Saturday would send them.
//
// Starts a throwaway PostgreSQL server and the built app on it (Apple Wallet configured with dev certificates,
// outbox worker in process), seeds a café with 2,000 cards, and drives 50 concurrent clients for BENCH_MIXED_SECONDS
// (60) seconds: counter stamps through the vendor API, customers opening their web card page, and iPhones asking
// the PassKit web service for updated serials (204) and their pass (304 with If-Modified-Since). The baseline, in
// the same run, is the trivial route (GET /api/ping) at 50 clients. Cards with registered devices are not stamped,
// so no push goes to Apple: pushes are measured by bench/pkpass.ts and tested against a fake APNs server.
// Prints each path's requests/s, p50, p99 and unexpected answers, the app's peak memory, and the targets.
import autocannon from "autocannon";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { newId } from "@/lib/ids";
import { devCertificateEnv, generateDevCertificates } from "@/lib/wallet/apple/dev-certificates";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { freePort } from "@/test/free-port";
import { databaseUrl, startPostgresCluster } from "@/test/postgres-cluster";
import { startBuiltApp } from "./support/app-server";
import { processCpuMs } from "./support/measure";
import { peakMemoryMb, recordSummary } from "./support/summary";

const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const BASELINE_SECONDS = Math.min(SECONDS, 10);
const SOLO_SECONDS = Math.min(SECONDS, 4);
const STAMP_CARDS = 4_000;
// The most stamps a program can ask for (lib/programs/schemas.ts): the web card draws one circle per stamp, so this
// is its largest page. Random cards get about 10 stamps each in a minute at this load: none fills up (CARD_FULL).
const STAMPS_TARGET = 50;
const DEVICES = 200;
// 50 clients in all, split between the paths.
const CLIENTS = { stamp: 14, page: 12, serials: 12, pass: 12 };
const TOTAL_CLIENTS = Object.values(CLIENTS).reduce((sum, n) => sum + n, 0);
const SECRET = "bench-secret-key-0123456789abcdefghijklmnop";

type Seeded = {
  storeId: string;
  apiKey: string;
  stampCards: { cardNumber: string; pageToken: string }[];
  devices: { device: string; serial: string; token: string }[];
};

async function seed(url: string, passTypeId: string): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const merchantId = newId();
    const programId = newId();
    const storeId = newId();
    await client.query("INSERT INTO merchants (id, name, updated_at) VALUES ($1, 'Café Bench', now())", [merchantId]);
    await client.query(
      `INSERT INTO programs (id, merchant_id, type, card_name, stamps_target, cooldown_minutes, max_daily_stamps, require_staff_pin, updated_at)
       VALUES ($1, $2, 'stamps', 'Coffee card', $3, 0, 1000, false, now())`,
      [programId, merchantId, STAMPS_TARGET],
    );
    await client.query("INSERT INTO stores (id, merchant_id, name, code, updated_at) VALUES ($1, $2, 'Main street', 'MIXED1', now())", [
      storeId,
      merchantId,
    ]);
    const { key, keyHash, prefix } = generateApiKey();
    await client.query("INSERT INTO api_keys (id, merchant_id, name, key_hash, prefix) VALUES ($1, $2, 'bench', $3, $4)", [
      newId(),
      merchantId,
      keyHash,
      prefix,
    ]);
    const stampCards: Seeded["stampCards"] = [];
    const devices: Seeded["devices"] = [];
    for (let i = 0; i < STAMP_CARDS + DEVICES; i++) {
      const customerId = newId();
      const cardId = newId();
      const ids = generateCardIdentifiers();
      await client.query("INSERT INTO customers (id, name, updated_at) VALUES ($1, $2, now())", [customerId, `Customer ${i}`]);
      await client.query(
        `INSERT INTO cards (id, merchant_id, program_id, customer_id, card_number, qr_payload, page_token, apple_serial, apple_auth_token, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
        [cardId, merchantId, programId, customerId, ids.cardNumber, ids.qrPayload, ids.pageToken, ids.appleSerial, ids.appleAuthToken],
      );
      if (i < STAMP_CARDS) {
        stampCards.push({ cardNumber: ids.cardNumber, pageToken: ids.pageToken });
      } else {
        const device = `device-${i}`;
        await client.query(
          `INSERT INTO apple_device_registrations (id, device_library_identifier, pass_type_identifier, serial_number, push_token, card_id, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())`,
          [newId(), device, passTypeId, ids.appleSerial, `push-${i}`, cardId],
        );
        // The iPhone's pass is the card's current version: otherwise the hourly loyalty.sync_wallet_passes, which runs
        // at start, queues a push for each of these cards, and the app spends the run failing to reach Apple.
        await client.query("UPDATE cards SET apple_pass_version = version WHERE id = $1", [cardId]);
        devices.push({ device, serial: ids.appleSerial, token: ids.appleAuthToken });
      }
    }
    return { storeId, apiKey: key, stampCards, devices };
  } finally {
    await client.end();
  }
}

type PathResult = { what: string; requests: number; perSecond: number; p50: number; p99: number; unexpected: number; errors: number };

/** One path's clients for `seconds`; `expected` says which statuses are right answers. */
async function drive(
  label: string,
  base: string,
  connections: number,
  seconds: number,
  next: () => { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string },
  expected: (status: number) => boolean,
): Promise<PathResult> {
  let unexpected = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({ ...request, ...next() }),
        onResponse: (status) => {
          if (!expected(status)) unexpected += 1;
        },
      },
    ],
  });
  return {
    what: label,
    requests: result.requests.total,
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  console.log(
    `Mixed load: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ${TOTAL_CLIENTS} clients for ${SECONDS} s.`,
  );
  buildIfNeeded();
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-mixed-certs-"));
  const certs = generateDevCertificates(certDir, { passTypeId: "pass.bench.mixed", teamId: "BENCHTEAM1" });
  const cluster = await startPostgresCluster();
  let app: Awaited<ReturnType<typeof startBuiltApp>> | undefined;
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench_mixed");
    await admin.end();
    const url = databaseUrl(cluster.url, "bench_mixed");
    const database = openDatabase({ kind: "postgresql", url, poolSize: 4 }, "bench migrations");
    await applyMigrations(database);
    await database.close();
    const seeded = await seed(url, certs.passTypeId);
    console.log(`Seeded ${STAMP_CARDS} cards to stamp and ${DEVICES} iPhones with a pass.`);

    const port = await freePort();
    app = await startBuiltApp(
      {
        ...devCertificateEnv(certs),
        DATABASE_URL: url,
        LOYALTY_PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOYALTY_SECRET_KEY: SECRET,
        AUTH_SECRET: SECRET,
        LOYALTY_DB_POOL_SIZE: "20",
        LOYALTY_DATA_DIR: certDir,
      },
      port,
    );
    const apple = `/api/v1/loyalty/apple/v1`;
    // Each pass fetched once, as after "Add to Apple Wallet", and each device's current tag.
    const lastModified = new Map<string, string>();
    const tags = new Map<string, string>();
    for (const { device, serial, token } of seeded.devices) {
      const pass = await fetch(`${app.url}${apple}/passes/${certs.passTypeId}/${serial}`, {
        headers: { authorization: `ApplePass ${token}` },
      });
      if (pass.status !== 200) throw new Error(`the pass GET answered ${pass.status}`);
      await pass.arrayBuffer();
      lastModified.set(serial, pass.headers.get("last-modified")!);
      const list = await fetch(`${app.url}${apple}/devices/${device}/registrations/${certs.passTypeId}`);
      tags.set(device, ((await list.json()) as { lastUpdated: string }).lastUpdated);
    }
    const random = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
    const stamp = () => ({
      method: "POST" as const,
      path: "/api/v1/vendor/loyalty/stamp",
      headers: { "content-type": "application/json", authorization: `Bearer ${seeded.apiKey}` },
      body: JSON.stringify({ cardNumber: random(seeded.stampCards).cardNumber, storeId: seeded.storeId }),
    });
    const page = () => ({ method: "GET" as const, path: `/card/${random(seeded.stampCards).pageToken}`, headers: {} });
    const serials = () => {
      const { device } = random(seeded.devices);
      return {
        method: "GET" as const,
        path: `${apple}/devices/${device}/registrations/${certs.passTypeId}?passesUpdatedSince=${tags.get(device)}`,
      };
    };
    const pass = () => {
      const { serial, token } = random(seeded.devices);
      return {
        method: "GET" as const,
        path: `${apple}/passes/${certs.passTypeId}/${serial}`,
        headers: { authorization: `ApplePass ${token}`, "if-modified-since": lastModified.get(serial)! },
      };
    };

    // Warm-up (JIT, pools, page code), then the baseline, then the mix.
    await Promise.all([
      drive("warm-up", app.url, 4, 3, stamp, () => true),
      drive("warm-up", app.url, 4, 3, page, () => true),
      drive("warm-up", app.url, 4, 3, pass, () => true),
    ]);
    // Each path alone, to see what one request costs the app (CPU time of its process per answer).
    const cpuPerRequest = new Map<string, number | undefined>();
    for (const [label, next] of [
      ["GET /api/ping", () => ({ method: "GET" as const, path: "/api/ping" })],
      ["POST /stamp", stamp],
      ["GET /card/<token>", page],
      ["Apple: updated serials", serials],
      ["Apple: pass, unchanged", pass],
    ] as const) {
      const before = processCpuMs(app.pid);
      const alone = await drive(label, app.url, 4, SOLO_SECONDS, next, () => true);
      const after = processCpuMs(app.pid);
      cpuPerRequest.set(label, before === undefined || after === undefined ? undefined : (after - before) / alone.requests);
    }
    const baseline = await drive(
      "GET /api/ping",
      app.url,
      TOTAL_CLIENTS,
      BASELINE_SECONDS,
      () => ({ method: "GET", path: "/api/ping" }),
      (s) => s === 200,
    );
    const results = await Promise.all([
      drive("POST /stamp", app.url, CLIENTS.stamp, SECONDS, stamp, (s) => s === 200),
      drive("GET /card/<token>", app.url, CLIENTS.page, SECONDS, page, (s) => s === 200),
      drive("Apple: updated serials", app.url, CLIENTS.serials, SECONDS, serials, (s) => s === 204),
      drive("Apple: pass, unchanged", app.url, CLIENTS.pass, SECONDS, pass, (s) => s === 304),
    ]);
    const memory = peakMemoryMb(app.pid);
    report(baseline, results, memory, cpuPerRequest);
  } finally {
    await app?.stop();
    cluster.stop();
    fs.rmSync(certDir, { recursive: true, force: true });
  }
}

function report(baseline: PathResult, results: PathResult[], memory: number | undefined, cpuPerRequest: Map<string, number | undefined>) {
  const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
  const cpu = (label: string) => {
    const ms = cpuPerRequest.get(label);
    return ms === undefined ? "?".padStart(9) : fmt(ms, 2);
  };
  console.log(
    `\nwhat                        clients     req/s    p50 ms    p99 ms  unexpected  errors   app CPU ms/request (alone, 4 clients)`,
  );
  const clients = [CLIENTS.stamp, CLIENTS.page, CLIENTS.serials, CLIENTS.pass];
  for (const [i, row] of [baseline, ...results].entries()) {
    console.log(
      `${row.what.padEnd(28)}${String(i === 0 ? TOTAL_CLIENTS : clients[i - 1]).padStart(7)}${fmt(row.perSecond, 0)}${fmt(row.p50)}${fmt(row.p99)}${String(row.unexpected).padStart(12)}${String(row.errors).padStart(8)}${cpu(row.what)}`,
    );
  }
  const total = results.reduce((sum, row) => sum + row.perSecond, 0);
  const worstP99 = Math.max(...results.map((row) => row.p99));
  const failures = results.reduce((sum, row) => sum + row.unexpected + row.errors, 0);
  console.log(
    `mixed, all paths            ${String(TOTAL_CLIENTS).padStart(7)}${fmt(total, 0)}   (÷ trivial route: ${(total / baseline.perSecond).toFixed(2)})`,
  );
  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log("\nTargets");
  console.log(`  no error under the mixed load      ${failures} unexpected answers or errors  ${mark(failures === 0)}`);
  console.log(`  p99 under 100 ms (every path)      worst ${worstP99.toFixed(1)} ms  ${mark(worstP99 < 100)}`);
  console.log(
    `  app memory under 400 MB            peak ${memory === undefined ? "?" : memory.toFixed(0)} MB  ${mark(memory !== undefined && memory < 400)}`,
  );
  const targets: [string, boolean][] = [
    ["no error", failures === 0],
    ["p99 < 100 ms", worstP99 < 100],
    ["memory < 400 MB", memory !== undefined && memory < 400],
  ];
  recordSummary([
    ...results.map((row) => ({
      bench: "mixed",
      what: `${row.what} (of ${TOTAL_CLIENTS} clients)`,
      throughput: row.perSecond,
      p50Ms: row.p50,
      p99Ms: row.p99,
    })),
    {
      bench: "mixed",
      what: `all paths, ${TOTAL_CLIENTS} clients, ${SECONDS} s`,
      throughput: total,
      p99Ms: worstP99,
      peakMemoryMb: memory,
      baseline: { what: "GET /api/ping", throughput: baseline.perSecond },
      target: {
        // Each part says whether it was met: the row's verdict is "NOT met" if any is not.
        text: targets.map(([label, ok]) => `${label} (${ok ? "met" : "not met"})`).join(", "),
        met: targets.every(([, ok]) => ok),
      },
    },
  ]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
