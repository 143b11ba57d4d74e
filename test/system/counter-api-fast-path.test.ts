import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { seedCounter, sleep, type CounterSeed } from "./support/seed-counter";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./support/system-app";

type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

/**
 * Headers that differ between two answers by nature (time, length, connection handling), and Next's
 * Vary for its own router's requests (RSC, prefetch), which says nothing about a no-store API answer.
 */
const PER_ANSWER = new Set(["date", "content-length", "connection", "keep-alive", "transfer-encoding", "vary"]);

/**
 * The vendor API's counter operations made with an API key are answered before Next's router
 * (lib/http/api-fast-path.ts), by the route files' own handlers. A query string sends the same
 * request through Next (the fast path takes exact paths only, and these routes read no query), so
 * each case is asked both ways and must get the same answer: status, body, headers.
 */
describe("the counter operations' fast path", () => {
  let database: Database & { url: string };
  let app: AppInstance;
  let seed: CounterSeed;

  beforeAll(async () => {
    database = await createSystemDatabase();
    app = await startAppInstance({ databaseUrl: database.url });
    seed = await seedCounter(database, { cards: 20 });
  });

  afterAll(async () => {
    await app?.kill();
    await database?.close();
  });

  const call = async (path: string, init: { body?: BodyInit; headers?: Record<string, string>; duplex?: "half" } = {}): Promise<Answer> => {
    const response = await fetch(`${app.url}/api/v1/vendor/loyalty${path}`, {
      method: "POST",
      ...init,
      headers: { authorization: `Bearer ${seed.apiKey}`, "content-type": "application/json", ...init.headers },
    } as RequestInit);
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
  };
  const bothWays = async (path: string, init: Parameters<typeof call>[1]) => [
    await call(path, init),
    await call(`${path}?through=next`, init),
  ];
  const headerNames = (answer: Answer) => [...answer.headers.keys()].filter((name) => !PER_ANSWER.has(name)).sort();
  const withoutNonce = (csp: string | null) => csp?.replace(/'nonce-[^']+'/, "'nonce-…'");
  const stampBody = (card: number) => JSON.stringify({ cardNumber: seed.cards[card]!.cardNumber, storeId: seed.storeId });

  it("answers a stamp as Next does: status, body, security headers with a fresh nonce, the request id", async () => {
    const requestId = "till-7f3e9a1c";
    const [fast, next] = await bothWays("/stamp", { body: stampBody(0), headers: { "x-request-id": requestId } });
    expect(fast!.status).toBe(200);
    expect(next!.status).toBe(200);
    // Which way each went: Next adds its router's Vary to a route handler's answer, the fast path does not.
    expect(fast!.headers.has("vary")).toBe(false);
    expect(next!.headers.get("vary")).toContain("rsc");
    expect(fast!.body.stampCount).toBe(1);
    expect(next!.body.stampCount).toBe(2);
    expect(Object.keys(fast!.body).sort()).toEqual(Object.keys(next!.body).sort());
    expect(headerNames(fast!)).toEqual(headerNames(next!));
    for (const name of headerNames(next!)) {
      if (name === "content-security-policy") continue;
      expect(fast!.headers.get(name), name).toBe(next!.headers.get(name));
    }
    expect(withoutNonce(fast!.headers.get("content-security-policy"))).toBe(withoutNonce(next!.headers.get("content-security-policy")));
    expect(fast!.headers.get("content-security-policy")).not.toBe(next!.headers.get("content-security-policy"));
    expect(fast!.headers.get("x-request-id")).toBe(requestId);
    expect(next!.headers.get("x-request-id")).toBe(requestId);
  });

  it("gives the first answer again for a repeated Idempotency-Key, and a conflict for another body", async () => {
    const key = { "idempotency-key": "fast-path-key-0001" };
    const first = await call("/stamp", { body: stampBody(1), headers: key });
    const again = await call("/stamp", { body: stampBody(1), headers: key });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.transactionId).toBe(first.body.transactionId);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await call("/stamp", { body: stampBody(2), headers: key });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("IDEMPOTENCY_CONFLICT");
    const { rows } = await database.query<{ n: string }>("SELECT count(*) AS n FROM ledger_entries WHERE card_id = $1", [
      seed.cards[1]!.id,
    ]);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it("refuses bad requests with the same problem as Next, for each of the four operations", async () => {
    const cases: [string, Parameters<typeof call>[1]][] = [
      ["/stamp", { body: "{not json" }],
      ["/stamp", { body: JSON.stringify({ cardNumber: seed.cards[3]!.cardNumber, storeId: seed.storeId, extra: 1 }) }],
      ["/stamp", { body: stampBody(3), headers: { "content-type": "text/plain" } }],
      ["/stamp", { body: stampBody(3), headers: { authorization: "Bearer lk_not_a_key" } }],
      ["/stamp", { body: stampBody(3), headers: { "idempotency-key": "not a key" } }],
      ["/stamp", { body: "" }],
      ["/stamp/redeem", { body: stampBody(3) }],
      ["/points", { body: JSON.stringify({ cardNumber: seed.cards[3]!.cardNumber, storeId: seed.storeId, purchaseAmountCents: 500 }) }],
      [
        "/points/redeem",
        { body: JSON.stringify({ cardNumber: seed.cards[3]!.cardNumber, storeId: seed.storeId, rewardId: seed.programId }) },
      ],
    ];
    for (const [path, init] of cases) {
      const [fast, next] = await bothWays(path, init);
      const label = `${path} ${String(init?.body).slice(0, 40)} ${JSON.stringify(init?.headers ?? {})}`;
      expect(fast!.status, label).toBeGreaterThanOrEqual(400);
      expect(fast!.status, label).toBe(next!.status);
      expect(fast!.body, label).toEqual(next!.body);
      expect(fast!.headers.get("content-type"), label).toBe(next!.headers.get("content-type"));
    }
  });

  it("leaves to Next what proxy.ts answers itself: an oversized body, a cross-site request", async () => {
    const big = await call("/stamp", { body: JSON.stringify({ padding: "x".repeat(70_000) }) });
    expect(big.status).toBe(413);
    const crossSite = await call("/stamp", { body: stampBody(4), headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe("FORBIDDEN");
    // A chunked body (no Content-Length) is Next's too, and still a stamp.
    const chunked = await call("/stamp", {
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(stampBody(4)));
          controller.close();
        },
      }),
      duplex: "half",
    });
    expect(chunked.status).toBe(200);
    expect(chunked.body.stampCount).toBe(1);
  });

  it("survives a client that goes away halfway through its body, and writes nothing for it", async () => {
    const before = await database.query<{ n: string }>("SELECT count(*) AS n FROM ledger_entries");
    await new Promise<void>((resolve) => {
      const request = http.request(`${app.url}/api/v1/vendor/loyalty/stamp`, {
        method: "POST",
        headers: { authorization: `Bearer ${seed.apiKey}`, "content-type": "application/json", "content-length": "500" },
      });
      request.on("error", () => resolve());
      request.write(stampBody(5).slice(0, 20), () => {
        request.destroy();
        resolve();
      });
    });
    await sleep(200);
    const after = await database.query<{ n: string }>("SELECT count(*) AS n FROM ledger_entries");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const stamp = await call("/stamp", { body: stampBody(5) });
    expect(stamp.status).toBe(200);
  });
});
