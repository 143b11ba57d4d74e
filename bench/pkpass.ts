// npm run bench:pkpass — Apple Wallet passes and the PassKit web service.
//
// 1. Fresh passes: builds and signs passes for distinct cards in this process (passkit-generator assembles and
//    validates pass.json; manifest and CMS signature with Node's crypto, lib/wallet/apple/sign-manifest.ts),
//    and prints passes per second, the longest event-loop block seen while doing so, and bytes per pass. The
//    same run times stock passkit-generator (PKPass#getAsBuffer, node-forge signing) on the same files.
// 2. The cache: fetching an unchanged pass twice signs once.
// 3. The web service through the built app (scripts/serve.mjs: its fast path for the GETs, the route handlers
//    for the rest) on a throwaway PostgreSQL:
//    32 concurrent clients asking, as devices do after a push, for their updated serials (204 with the current
//    tag) and the pass (304 with If-Modified-Since, or 200 from the cache), for BENCH_SECONDS (10) seconds.
import autocannon from "autocannon";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { PKPass } from "passkit-generator";
import pg from "pg";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openDatabase } from "@/lib/db/open-database";
import { newId } from "@/lib/ids";
import { devCertificateEnv, generateDevCertificates } from "@/lib/wallet/apple/dev-certificates";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { freePort } from "@/test/free-port";
import { databaseUrl, startPostgresCluster } from "@/test/postgres-cluster";
import { startBuiltApp } from "./support/app-server";
import { peakMemoryMb, recordSummary } from "./support/summary";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FRESH_PASSES = 600;
const STOCK_PASSES = 30;
const CLIENTS = 32;
const CARDS = 256;
const DEVICES = 64;

const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pkpass-certs-"));
const certs = generateDevCertificates(certDir, { passTypeId: "pass.bench.loyalty", teamId: "BENCHTEAM1" });
const appleEnv = devCertificateEnv(certs);
// This process reads its configuration once, from these (before anything asks for it).
Object.assign(process.env, appleEnv, {
  LOYALTY_SECRET_KEY: "bench-secret-key-0123456789abcdefghijklmnop",
  AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklmnop",
});

const { appleCertificates } = await import("@/lib/wallet/apple/apple-certificates");
const { buildPass, passFiles } = await import("@/lib/wallet/apple/build-pass");
const { getApplePass, passesBuilt } = await import("@/lib/wallet/apple/get-apple-pass");
type PassContent = import("@/lib/wallet/apple/build-pass").PassContent;

function content(i: number): PassContent {
  return {
    serialNumber: newId(),
    authenticationToken: `token-${i}-${"x".repeat(24)}`,
    webServiceURL: "https://loyalty.example/api/v1/loyalty/apple",
    organizationName: "Café Bench",
    description: "Coffee card",
    branding: {
      programKey: "bench-program:1",
      cardName: "Coffee card",
      backgroundColor: "#3b2314",
      foregroundColor: "#ffffff",
      labelColor: "#f5d9b8",
      logo: null,
    },
    stamps: { count: i % 11, target: 10 },
    points: null,
    rewardReady: i % 11 === 10,
    rewardDescription: "A free coffee",
    customerName: `Customer ${i}`,
    cardNumber: String(1_000_000_000 + i),
    barcode: { message: `qr-${i}-${newId()}`, format: "qr" },
    webCardUrl: `https://loyalty.example/card/${i}`,
    privacyUrl: `https://loyalty.example/card/${i}#privacy`,
    voided: false,
  };
}

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

async function freshPasses() {
  const certificates = appleCertificates()!;
  // First pass of a program: its icon, logo and strips are rendered (then cached per program version and stamp count).
  const coldStart = performance.now();
  for (let stamps = 0; stamps <= 10; stamps++) await buildPass(content(stamps), certificates, new Date());
  const coldMs = (performance.now() - coldStart) / 11;

  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let longestCall = 0;
  const calls: number[] = [];
  let bytes = 0;
  histogram.enable();
  const start = performance.now();
  for (let i = 0; i < FRESH_PASSES; i++) {
    const callStart = performance.now();
    const pass = await buildPass(content(i), certificates, new Date());
    calls.push(performance.now() - callStart);
    longestCall = Math.max(longestCall, calls[calls.length - 1]!);
    bytes += pass.length;
    await yieldToLoop(); // as a server would between requests: lets the histogram see each pass's block apart
  }
  const elapsed = (performance.now() - start) / 1000;
  histogram.disable();
  calls.sort((a, b) => a - b);
  return {
    perSecond: FRESH_PASSES / elapsed,
    longestBlockMs: Math.max(histogram.max / 1e6 - 1, 0),
    longestCall,
    p50Call: calls[Math.floor(calls.length * 0.5)]!,
    p99Call: calls[Math.floor(calls.length * 0.99)]!,
    over10: calls.filter((ms) => ms > 10).length,
    bytes: bytes / FRESH_PASSES,
    coldMs,
  };
}

async function stockPasses() {
  const certificates = appleCertificates()!;
  const files = await passFiles(content(0), certificates);
  const { "pass.json": passJson, ...images } = files;
  const props = JSON.parse(passJson!.toString()) as Record<string, unknown>;
  let longest = 0;
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < STOCK_PASSES; i++) {
    const callStart = performance.now();
    const pass = new PKPass(
      { ...images, "pass.json": Buffer.from(JSON.stringify({ ...props, serialNumber: newId() })) },
      {
        wwdr: certificates.wwdrPem,
        signerCert: certificates.signerCertPem,
        signerKey: certificates.signerKeyPem,
      },
    );
    const buffer = pass.getAsBuffer(); // synchronous: the whole call blocks the event loop
    longest = Math.max(longest, performance.now() - callStart);
    bytes += buffer.length;
    await yieldToLoop();
  }
  const elapsed = (performance.now() - start) / 1000;
  return { perSecond: STOCK_PASSES / elapsed, longestBlockMs: longest, bytes: bytes / STOCK_PASSES };
}

async function cacheCheck() {
  const loaded = {
    cardId: newId(),
    cardVersion: 3,
    modifiedAt: new Date(),
    cacheKey: `bench:${newId()}`,
    authToken: "t",
    content: content(3),
  };
  const before = passesBuilt();
  await getApplePass(loaded, { now: () => new Date() });
  await getApplePass(loaded, { now: () => new Date() });
  return passesBuilt() - before;
}

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const merchantId = newId();
  const programId = newId();
  await client.query("INSERT INTO merchants (id, name, updated_at) VALUES ($1, 'Café Bench', now())", [merchantId]);
  await client.query(
    "INSERT INTO programs (id, merchant_id, type, card_name, updated_at) VALUES ($1, $2, 'stamps', 'Coffee card', now())",
    [programId, merchantId],
  );
  const cards: { serial: string; token: string }[] = [];
  for (let i = 0; i < CARDS; i++) {
    const customerId = newId();
    const ids = generateCardIdentifiers();
    await client.query("INSERT INTO customers (id, name, updated_at) VALUES ($1, $2, now())", [customerId, `Customer ${i}`]);
    await client.query(
      `INSERT INTO cards (id, merchant_id, program_id, customer_id, card_number, qr_payload, page_token, apple_serial, apple_auth_token, stamp_count, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [
        newId(),
        merchantId,
        programId,
        customerId,
        ids.cardNumber,
        ids.qrPayload,
        ids.pageToken,
        ids.appleSerial,
        ids.appleAuthToken,
        i % 10,
      ],
    );
    cards.push({ serial: ids.appleSerial, token: ids.appleAuthToken });
  }
  const devices: string[] = [];
  for (let d = 0; d < DEVICES; d++) {
    const device = `device-${d}`;
    devices.push(device);
    for (let k = 0; k < 4; k++) {
      const card = (d * 4 + k) % CARDS;
      await client.query(
        `INSERT INTO apple_device_registrations (id, device_library_identifier, pass_type_identifier, serial_number, push_token, card_id, updated_at)
         SELECT $1, $2, $3, apple_serial, $4, id, now() FROM cards WHERE apple_serial = $5`,
        [newId(), device, certs.passTypeId, `push-${d}`, cards[card]!.serial],
      );
    }
  }
  await client.end();
  return { cards, devices };
}

async function webService() {
  buildIfNeeded();
  const cluster = await startPostgresCluster();
  const url = databaseUrl(cluster.url, "bench_pkpass");
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query("CREATE DATABASE bench_pkpass");
  await admin.end();
  const database = openDatabase({ kind: "postgresql", url, poolSize: 4 }, "bench migrations");
  await applyMigrations(database);
  await database.close();
  const { cards, devices } = await seed(url);
  const port = await freePort();
  const app = await startBuiltApp(
    {
      ...appleEnv,
      DATABASE_URL: url,
      LOYALTY_WORKER_IN_PROCESS: "false",
      LOYALTY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOYALTY_SECRET_KEY: process.env.LOYALTY_SECRET_KEY!,
      AUTH_SECRET: process.env.AUTH_SECRET!,
    },
    port,
  );
  try {
    const base = `${app.url}/api/v1/loyalty/apple/v1`;
    // Warm: each pass fetched once (built and cached), and the current tag of each device.
    const lastModified = new Map<string, string>();
    for (const card of cards) {
      const response = await fetch(`${base}/passes/${certs.passTypeId}/${card.serial}`, {
        headers: { authorization: `ApplePass ${card.token}` },
      });
      if (response.status !== 200) throw new Error(`pass GET answered ${response.status}`);
      await response.arrayBuffer();
      lastModified.set(card.serial, response.headers.get("last-modified")!);
    }
    const tags = new Map<string, string>();
    for (const device of devices) {
      const response = await fetch(`${base}/devices/${device}/registrations/${certs.passTypeId}`);
      tags.set(device, ((await response.json()) as { lastUpdated: string }).lastUpdated);
    }
    let n = 0;
    const statuses: Record<string, number> = {};
    const result = await autocannon({
      url: app.url,
      connections: CLIENTS,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (request) => {
            n += 1;
            const kind = n % 3;
            if (kind === 0) {
              const device = devices[n % devices.length]!;
              return {
                ...request,
                method: "GET",
                path: `/api/v1/loyalty/apple/v1/devices/${device}/registrations/${certs.passTypeId}?passesUpdatedSince=${tags.get(device)}`,
                headers: {},
              };
            }
            const card = cards[n % cards.length]!;
            const headers: Record<string, string> = { authorization: `ApplePass ${card.token}` };
            if (kind === 1) headers["if-modified-since"] = lastModified.get(card.serial)!;
            return { ...request, method: "GET", path: `/api/v1/loyalty/apple/v1/passes/${certs.passTypeId}/${card.serial}`, headers };
          },
        },
      ],
    });
    const ping = await autocannon({ url: `${app.url}/api/ping`, connections: CLIENTS, duration: Math.min(SECONDS, 5) });
    const memory = peakMemoryMb(app.pid);
    const instance = result as unknown as { statusCodeStats?: Record<string, { count: number }> };
    for (const [status, { count }] of Object.entries(instance.statusCodeStats ?? {})) statuses[status] = count;
    return {
      perSecond: result.requests.total / SECONDS,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      statuses,
      pingPerSecond: ping.requests.total / Math.min(SECONDS, 5),
      pingP50: ping.latency.p50,
      pingP99: ping.latency.p99,
      memory,
    };
  } finally {
    await app.stop();
    cluster.stop();
  }
}

const f = (n: number, digits = 1) => n.toFixed(digits);
console.log(`Apple Wallet benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}.`);
const fresh = await freshPasses();
const stock = await stockPasses();
console.log("\nFresh passes (build + sign), in process:");
console.log(
  `  ours:  ${f(fresh.perSecond)} passes/s, longest event-loop block ${f(fresh.longestBlockMs)} ms (longest call ${f(fresh.longestCall)} ms), ${f(fresh.bytes / 1024)} kB/pass`,
);
console.log(
  `  time per pass: p50 ${f(fresh.p50Call, 2)} ms, p99 ${f(fresh.p99Call, 2)} ms; ${fresh.over10} of ${FRESH_PASSES} passes over 10 ms`,
);
console.log(
  `  stock passkit-generator getAsBuffer (node-forge): ${f(stock.perSecond)} passes/s, longest event-loop block ${f(stock.longestBlockMs)} ms, ${f(stock.bytes / 1024)} kB/pass`,
);
console.log(`  a program's first pass (renders its icon, logo and strip PNGs): ${f(fresh.coldMs)} ms each, then cached`);
console.log(`  targets: >= 150 passes/s, no block over 10 ms per pass`);
console.log(`\nCache: an unchanged pass fetched twice was signed ${await cacheCheck()} time(s) (target 1).`);
const web = await webService();
console.log(
  `\nWeb service through the built app, ${CLIENTS} clients, ${SECONDS} s (serial lists 204, pass GETs 304 or 200 from the cache):`,
);
console.log(
  `  ${f(web.perSecond, 0)} requests/s, p50 ${web.p50} ms, p99 ${web.p99} ms, errors ${web.errors}, statuses ${JSON.stringify(web.statuses)}`,
);
console.log(
  `  baseline GET /api/ping at ${CLIENTS} clients: ${f(web.pingPerSecond, 0)} requests/s, p50 ${web.pingP50} ms, p99 ${web.pingP99} ms`,
);
console.log(`  targets: >= 1,000 requests/s, p99 < 30 ms`);
// With a fixed number of clients each waiting for its answer, the mean latency is clients ÷ throughput (Little's law).
console.log(
  `  (${CLIENTS} clients at ${f(web.perSecond, 0)} requests/s mean ${f((CLIENTS / web.perSecond) * 1000)} ms per request: p99 < 30 ms needs over ${f(CLIENTS / 0.03, 0)} requests/s with no spread at all)`,
);
recordSummary([
  {
    bench: "pkpass",
    what: "fresh passes built and signed (in process)",
    throughput: fresh.perSecond,
    p50Ms: fresh.p50Call,
    p99Ms: fresh.p99Call,
    baseline: { what: "stock passkit-generator", throughput: stock.perSecond },
    target: { text: "≥ 150/s, no block over 10 ms", met: fresh.perSecond >= 150 && fresh.longestBlockMs <= 10 },
  },
  {
    bench: "pkpass",
    what: `Apple web service, ${CLIENTS} clients`,
    throughput: web.perSecond,
    p50Ms: web.p50,
    p99Ms: web.p99,
    peakMemoryMb: web.memory,
    baseline: { what: "GET /api/ping", throughput: web.pingPerSecond },
    target: { text: "≥ 1,000/s, p99 < 30 ms", met: web.perSecond >= 1000 && web.p99 < 30 },
  },
]);
process.exit(0);
