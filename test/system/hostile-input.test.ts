import net from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { discoverRoutes, type DiscoveredRoute } from "./support/app-routes";
import { STAFF_PIN, type World } from "./support/principals";
import { useWorldApp } from "./support/world-app";

/**
 * Hostile input against every API route (every route.ts under app/api/, found
 * by reading app/): generated path parameters, query strings, headers and
 * bodies (fast-check). Whatever comes in: never a 5xx, never a stack trace or
 * a source path in the answer, and never a partial write: after every case the
 * ledger is verified (`npm run ledger:verify`'s verifyLedger: each card's
 * balances equal the sum of its ledger) and a refused request changed no
 * balance and added no ledger entry. Bodies over the limit are refused.
 */

type RouteUnderTest = Extract<DiscoveredRoute, { kind: "route" }>;

const API_ROUTES = discoverRoutes().filter((route): route is RouteUnderTest => route.kind === "route" && route.pattern.startsWith("/api/"));
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Routes whose answer is an empty Apple-style body or a redirect, not JSON. */
const STACK_TRACE =
  /\n\s+at\s+\S+.*:\d+:\d+|node_modules\/|webpack-internal|\/work\/|\.tsx?:\d+:\d+|\bTypeError\b|\bReferenceError\b|PrismaClient|prisma\.\w+\.\w+\(/;

const NUM_RUNS = Number(process.env.HOSTILE_RUNS ?? 25);

/** Path segments with %-escapes that do not decode to UTF-8 (Next answered them with a bare 500). */
const UNDECODABLE_SEGMENTS = ["%", "%zz", "%E0%A4%A", "%C0%AF", "a%2", "%FF"];

const hostileConstants = [
  "",
  " ",
  "..",
  "%",
  "%00",
  "\u0000",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9".repeat(40),
  "__proto__",
  "constructor",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "a".repeat(3000),
  "😀".repeat(50),
  "\u202e\u0301",
  "00000000-0000-0000-0000-000000000000",
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(...hostileConstants),
  fc.uuid(),
  fc.stringMatching(/^[0-9]{1,24}$/),
);

/** Header values must be ByteStrings without line breaks: anything else is kept out by fetch itself. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, "").slice(0, 4000);

function arbitraries(w: World) {
  const realParam: Record<string, string[]> = {
    id: [w.programId, w.staffId],
    rewardId: [w.rewardId],
    cardNumber: [w.card.cardNumber],
    storeCode: [w.storeCode],
    programId: [w.programId],
    token: [w.card.pageToken],
    file: [`${w.card.appleSerial}.pkpass`],
    serialNumber: [w.card.appleSerial],
    passTypeIdentifier: [w.passTypeIdentifier],
    deviceLibraryIdentifier: ["d".repeat(32)],
    nextauth: ["session", "csrf", "providers", "callback/credentials", "signout"],
  };
  const param = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...(realParam[name] ?? ["x"])).map(encodeURIComponent) },
      { weight: 3, arbitrary: hostileString.map(encodeURIComponent) },
      // Sent as they are, not encoded: escapes that do not decode.
      { weight: 1, arbitrary: fc.constantFrom(...UNDECODABLE_SEGMENTS) },
    );
  const number = fc.oneof(
    fc.integer(),
    fc.integer({ min: -5, max: 5000 }),
    fc.double(),
    fc.constantFrom(1e20, -1e20, Number.MAX_SAFE_INTEGER + 2, 0.5, -0),
    hostileString,
  );
  const cardRef = fc.oneof(fc.constant(w.card.cardNumber), hostileString);
  const fields = fc.record(
    {
      cardNumber: cardRef,
      qrCode: fc.oneof(fc.constant(w.card.qrPayload), hostileString),
      storeId: fc.oneof(fc.constant(w.storeId), fc.constant(w.otherStoreId), fc.uuid(), hostileString),
      staffPin: fc.oneof(fc.constant(STAFF_PIN), hostileString),
      staffId: fc.oneof(fc.constant(w.staffId), fc.uuid(), hostileString),
      purchaseAmountCents: number,
      rewardId: fc.oneof(fc.constant(w.rewardId), fc.uuid(), hostileString),
      orderReference: hostileString,
      stampsDelta: number,
      pointsDelta: number,
      reason: hostileString,
      name: hostileString,
      pin: fc.oneof(fc.stringMatching(/^[0-9]{4,8}$/), hostileString),
      storeIds: fc.array(fc.oneof(fc.constant(w.storeId), fc.uuid(), hostileString), { maxLength: 3 }),
      customer: fc.oneof(
        fc.jsonValue(),
        fc.record({ name: hostileString, email: hostileString, phone: hostileString, birthday: hostileString }, { requiredKeys: [] }),
      ),
      emailConsent: fc.oneof(fc.boolean(), hostileString),
      loyaltyType: fc.oneof(fc.constantFrom("stamps", "points", "hybrid"), hostileString),
      cardName: hostileString,
      active: fc.oneof(fc.boolean(), hostileString),
      pointsCost: number,
      pushToken: hostileString,
      logs: fc.oneof(fc.array(hostileString, { maxLength: 3 }), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom("{", "[", '{"a":', "null", "[]", '"x"', "1e999", '{"__proto__":{"x":1}}', "\u0000") },
    { weight: 5, arbitrary: fields.map((value) => JSON.stringify(value)) },
    // Keys that name Object.prototype's members, as a client can send them (JSON.parse makes them own keys).
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"), fc.jsonValue(), fields)
        .map(([key, value, rest]) =>
          JSON.stringify(rest).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(value)}${Object.keys(rest).length ? "," : ""}`),
        ),
    },
  );
  const authorization = fc.oneof(
    fc.constant<string | undefined>(undefined),
    fc.constant(`Bearer ${w.apiKey}`),
    fc.constant(`Bearer ${w.otherApiKey}`),
    fc.constant(`ApplePass ${w.card.appleAuthToken}`),
    hostileString.map((value) => `Bearer ${value}`),
    hostileString.map((value) => `ApplePass ${value}`),
    hostileString,
  );
  const headers = fc.record(
    {
      authorization,
      "content-type": fc.oneof(
        fc.constantFrom(
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/merge-patch+json",
        ),
        hostileString,
      ),
      "idempotency-key": fc.oneof(fc.uuid(), hostileString),
      "if-modified-since": fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
        hostileString,
      ),
      cookie: fc.oneof(
        fc.constant(w.headers.owner.cookie!),
        fc.constant(w.headers.admin.cookie!),
        hostileString.map((value) => `next-auth.session-token=${value}`),
      ),
      "x-forwarded-for": hostileString,
      accept: fc.oneof(fc.constantFrom("application/json", "*/*", "text/html"), hostileString),
    },
    { requiredKeys: [] },
  );
  const query = fc.dictionary(
    fc.oneof(fc.constantFrom("limit", "cursor", "query", "passesUpdatedSince", "from", "to", "days", "status", "page"), hostileString),
    hostileString,
    { maxKeys: 4 },
  );
  return { param, body, headers, query };
}

type LedgerState = { entries: number; stamps: number; points: number };

async function ledgerState(): Promise<LedgerState> {
  const [row] = await db.$queryRaw<{ entries: bigint; stamps: bigint; points: bigint }[]>`
    SELECT (SELECT count(*) FROM ledger_entries)::bigint AS entries,
           (SELECT COALESCE(SUM(stamp_count), 0) FROM cards)::bigint AS stamps,
           (SELECT COALESCE(SUM(points_balance), 0) FROM cards)::bigint AS points`;
  return { entries: Number(row!.entries), stamps: Number(row!.stamps), points: Number(row!.points) };
}

describe("hostile input on every API route", () => {
  const suite = useWorldApp();

  it("finds the API routes in app/api (vendor, public, admin, Apple web service, health, openapi)", () => {
    const patterns = API_ROUTES.map((route) => route.pattern);
    for (const expected of [
      "/api/v1/vendor/loyalty/stamp",
      "/api/v1/loyalty/enroll",
      "/api/v1/admin/loyalty/stats",
      "/api/v1/loyalty/apple/v1/log",
      "/api/health",
      "/api/v1/openapi.json",
    ]) {
      expect(patterns).toContain(expected);
    }
  });

  for (const route of API_ROUTES) {
    it(`${route.method} ${route.pattern}: generated input never gets a 5xx, a stack trace or a partial write`, async () => {
      const { param, body, headers, query } = arbitraries(suite.world);
      const names = [...route.pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => match[1]!);
      const params = fc.tuple(...names.map((name) => param(name)));
      await fc.assert(
        fc.asyncProperty(
          params,
          query,
          headers,
          BODY_METHODS.has(route.method) ? body : fc.constant(undefined),
          async (values, search, rawHeaders, payload) => {
            let index = 0;
            const path = route.pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, () => values[index++]!);
            const url = new URL(`${suite.app.url}${path}`);
            for (const [key, value] of Object.entries(search)) url.searchParams.append(key, value);
            const sent: Record<string, string> = { origin: suite.app.url };
            for (const [key, value] of Object.entries(rawHeaders)) if (value !== undefined) sent[key] = headerSafe(value);
            const before = await ledgerState();
            const response = await fetch(url, { method: route.method, headers: sent, body: payload, redirect: "manual" });
            const text = await response.text();
            const label = `${route.method} ${url.pathname}${url.search} ${JSON.stringify(sent)} ${payload?.slice(0, 300)}`;
            expect(response.status, `${label}\n→ ${text.slice(0, 500)}`).toBeLessThan(500);
            expect(STACK_TRACE.test(text), `${label}\n→ ${text.slice(0, 500)}`).toBe(false);
            const { mismatches } = await verifyLedger(db);
            expect(mismatches, label).toEqual([]);
            if (response.status < 200 || response.status >= 300)
              expect(await ledgerState(), `refused, yet written: ${label}`).toEqual(before);
          },
        ),
        { numRuns: NUM_RUNS, endOnFailure: true },
      );
    });
  }

  it("balance-changing vendor routes with a valid key and generated bodies keep the ledger whole", async () => {
    const { body } = arbitraries(suite.world);
    const balanceRoutes = ["stamp", "stamp/redeem", "points", "points/redeem", "cards/enroll", "cards/lookup"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...balanceRoutes), body, fc.option(fc.uuid(), { nil: undefined }), async (name, payload, key) => {
        const before = await ledgerState();
        const response = await fetch(`${suite.app.url}/api/v1/vendor/loyalty/${name}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${suite.world.apiKey}`,
            "content-type": "application/json",
            ...(key ? { "idempotency-key": key } : {}),
          },
          body: payload,
        });
        const text = await response.text();
        expect(response.status, `${name} ${payload} → ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(STACK_TRACE.test(text), text.slice(0, 300)).toBe(false);
        expect((await verifyLedger(db)).mismatches).toEqual([]);
        if (response.status >= 300) expect(await ledgerState()).toEqual(before);
      }),
      { numRuns: NUM_RUNS * 8, endOnFailure: true },
    );
  });

  it("answers malformed %-escapes in cookies and paths as refusals (they were 500s)", async () => {
    const admin = await fetch(`${suite.app.url}/api/v1/admin/loyalty/stats`, { headers: { cookie: "next-auth.session-token=%E0%A4%A" } });
    expect(admin.status).toBe(401);
    const join = await fetch(`${suite.app.url}/join/%25E0%25A4%25A`);
    expect(join.status).toBe(404);
    for (const path of [
      "/join/%E0%A4%A",
      "/card/%zz",
      "/api/v1/vendor/loyalty/cards/%C0%AF",
      "/api/v1/loyalty/apple/v1/passes/x/%FF",
      "/api/nothing/%",
      "/dashboard/%E0%A4%A",
    ]) {
      for (const method of ["GET", "POST"]) {
        const response = await fetch(`${suite.app.url}${path}`, { method, headers: { origin: suite.app.url } });
        expect(response.status, `${method} ${path}`).toBe(400);
        expect(response.headers.get("content-type"), path).toBe("application/problem+json");
        expect(response.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect((await response.json()) as unknown, path).toMatchObject({ code: "VALIDATION_FAILED" });
      }
    }
  });

  it("answers a malformed multipart form posted to a page or to an unknown API address as a refusal (they were 500s)", async () => {
    // Next parses a multipart POST to any page as a form sent to a server action without JavaScript.
    const malformed = { origin: suite.app.url, "content-type": "multipart/form-data; boundary=x" };
    for (const path of ["/", "/login", "/join/NOSUCHSTORE", "/no-such-page"]) {
      const response = await fetch(`${suite.app.url}${path}`, { method: "POST", headers: malformed, body: "not a form" });
      expect(response.status, path).toBe(400);
      expect((await response.json()) as unknown, path).toMatchObject({ code: "VALIDATION_FAILED" });
    }
    const withoutBoundary = await fetch(`${suite.app.url}/login`, {
      method: "POST",
      headers: { origin: suite.app.url, "content-type": "multipart/form-data" },
      body: "x",
    });
    expect(withoutBoundary.status).toBe(400);
    // Unknown API addresses, the Apple web service's (which proxy.ts skips) among them, are a 404 problem for every method.
    for (const path of ["/api/nothing", "/api/v1/loyalty/apple/v1/devices/abc/3", "/api/v1/vendor/loyalty/nothing"]) {
      for (const method of ["GET", "POST", "PUT", "DELETE"]) {
        const response = await fetch(`${suite.app.url}${path}`, {
          method,
          headers: { ...malformed, "x-forwarded-for": "198.51.100.200" },
          body: method === "GET" ? undefined : "not a form",
        });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get("content-type"), `${method} ${path}`).toContain("application/problem+json");
        expect(response.headers.get("x-request-id"), `${method} ${path}`).toBeTruthy();
      }
    }
  });

  describe("oversized bodies are refused before parsing", () => {
    const big = JSON.stringify({ name: "x".repeat(200 * 1024) });
    // Routes that read a body, with the credentials that get them that far.
    const readers: { method: string; path: (w: World) => string; headers: (w: World) => Record<string, string>; refused?: number[] }[] = [
      ...[
        "stamp",
        "stamp/redeem",
        "points",
        "points/redeem",
        "cards/enroll",
        "cards/lookup",
        "program",
        "program/rewards",
        "stores",
        "pins",
      ].map((name) => ({
        method: "POST",
        path: () => `/api/v1/vendor/loyalty/${name}`,
        headers: (w: World) => ({ authorization: `Bearer ${w.apiKey}` }),
      })),
      { method: "PATCH", path: () => "/api/v1/vendor/loyalty/program", headers: (w) => ({ authorization: `Bearer ${w.apiKey}` }) },
      {
        method: "PATCH",
        path: (w) => `/api/v1/vendor/loyalty/pins/${w.staffId}`,
        headers: (w) => ({ authorization: `Bearer ${w.apiKey}` }),
      },
      {
        method: "PATCH",
        path: (w) => `/api/v1/vendor/loyalty/program/rewards/${w.rewardId}`,
        headers: (w) => ({ authorization: `Bearer ${w.apiKey}` }),
      },
      { method: "POST", path: () => "/api/v1/loyalty/enroll", headers: () => ({}) },
      { method: "POST", path: () => "/api/v1/loyalty/apple/v1/log", headers: () => ({}) },
      {
        method: "POST",
        path: (w) => `/api/v1/loyalty/apple/v1/devices/${"d".repeat(32)}/registrations/${w.passTypeIdentifier}/${w.card.appleSerial}`,
        headers: (w) => ({ authorization: `ApplePass ${w.card.appleAuthToken}` }),
        // Apple Wallet is off in the suite (no certificates): the pass type is unknown, refused (401) before the body is read.
        refused: [401],
      },
      { method: "POST", path: () => "/api/ping", headers: () => ({}) },
    ];

    // Each request from an address of its own: the generated requests above used up the budgets of the ones they sent from
    // (refused wallet requests per client, RATE_LIMITS.publicMissesByClient), and a 429 is not what these check.
    const freshClient = (index: number) => `192.0.2.${index}`;

    it("with a Content-Length over the limit", async () => {
      const wrong: string[] = [];
      for (const [index, reader] of readers.entries()) {
        const response = await fetch(`${suite.app.url}${reader.path(suite.world)}`, {
          method: reader.method,
          headers: { "content-type": "application/json", "x-forwarded-for": freshClient(index), ...reader.headers(suite.world) },
          body: big,
        });
        await response.arrayBuffer();
        if (![413, 422, ...(reader.refused ?? [])].includes(response.status))
          wrong.push(`${reader.method} ${reader.path(suite.world)}: ${response.status}`);
      }
      expect(wrong).toEqual([]);
    });

    // Next reads a chunked body to its end before it answers (proxy.ts runs on every request, and Next hands it a
    // copy of the body, capped at experimental.proxyClientMaxBodySize in next.config.mjs), so what this checks is the
    // refusal, and that the app is still well after 64 MB to each route.
    it("streamed without a Content-Length (chunked): refused", async () => {
      const wrong: string[] = [];
      for (const [index, reader] of readers.entries()) {
        const { status, sentBeforeAnswer } = await sendChunkedUntilAnswered(suite.app.url, reader.method, reader.path(suite.world), {
          "content-type": "application/json",
          "x-forwarded-for": freshClient(100 + index),
          ...reader.headers(suite.world),
        });
        const label = `${reader.method} ${reader.path(suite.world)}: ${status} after ${(sentBeforeAnswer / 1024).toFixed(0)} kB sent`;
        if (![413, 422, ...(reader.refused ?? [])].includes(status)) wrong.push(label);
        expect((await fetch(`${suite.app.url}/api/health`)).status).toBe(200);
      }
      expect(wrong).toEqual([]);
    });
  });

  it("ends with a clean ledger and the app still healthy", async () => {
    expect((await verifyLedger(db)).mismatches).toEqual([]);
    expect((await fetch(`${suite.app.url}/api/health`)).status).toBe(200);
  });
});

/**
 * Sends a chunked body of 64 MB, 16 kB at a time, over a raw socket, and stops as soon as the server's
 * answer arrives: its status, and how much of the body had been sent by then.
 */
function sendChunkedUntilAnswered(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; sentBeforeAnswer: number }> {
  const url = new URL(base);
  const chunk = Buffer.from(`${(16 * 1024).toString(16)}\r\n${"x".repeat(16 * 1024)}\r\n`);
  const limit = 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let received = "";
    const socket = net.connect(Number(url.port), url.hostname, () => {
      const head = [`${method} ${path} HTTP/1.1`, `host: ${url.host}`, "transfer-encoding: chunked", "connection: close"];
      for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
      socket.write(`${head.join("\r\n")}\r\n\r\n`);
      const pump = () => {
        while (!answered && sent < limit) {
          sent += 16 * 1024;
          if (!socket.write(chunk)) return void socket.once("drain", pump);
        }
        if (!answered) socket.write("0\r\n\r\n");
      };
      pump();
    });
    socket.on("data", (data: Buffer) => {
      received += data.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match && !answered) {
        answered = true;
        resolve({ status: Number(match[1]), sentBeforeAnswer: sent });
        socket.destroy();
      }
    });
    socket.on("error", (error) => {
      if (!answered) reject(error);
    });
    socket.setTimeout(30_000, () => {
      socket.destroy();
      if (!answered) reject(new Error(`no answer from ${method} ${path} within 30 s`));
    });
  });
}
