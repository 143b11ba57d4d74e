import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { devCertificateEnv, generateDevCertificates } from "@/lib/wallet/apple/dev-certificates";
import { postStamp, seedCounter, sleep, type CounterSeed } from "./support/seed-counter";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./support/system-app";

/**
 * The PassKit web service as an iPhone calls it, through the built app's server: the GETs are
 * answered by the fast path in front of Next (lib/wallet/apple/web-service-fast-path.ts), the
 * registration and the rest by Next's route handlers. Both must behave as Apple's reference says
 * and as the route handlers do: status codes, headers, the misses limit.
 */
describe("Apple's web service through the app's server", () => {
  let database: Database & { url: string };
  let app: AppInstance;
  let seed: CounterSeed;
  let pass: { serial: string; token: string };
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "system-apple-"));
  const certs = generateDevCertificates(certDir, { passTypeId: "pass.system.loyalty", teamId: "SYSTEMTEAM" });
  const device = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  const forwarded = { "x-forwarded-for": "198.51.100.20" };
  const base = () => `${app.url}/api/v1/loyalty/apple/v1`;
  const serials = (since?: string) =>
    fetch(`${base()}/devices/${device}/registrations/${certs.passTypeId}${since ? `?passesUpdatedSince=${since}` : ""}`, {
      headers: forwarded,
    });
  const latestPass = (headers: Record<string, string> = {}) =>
    fetch(`${base()}/passes/${certs.passTypeId}/${pass.serial}`, {
      headers: { ...forwarded, authorization: `ApplePass ${pass.token}`, ...headers },
    });

  beforeAll(async () => {
    database = await createSystemDatabase();
    app = await startAppInstance({
      databaseUrl: database.url,
      env: { ...devCertificateEnv(certs), LOYALTY_APNS_HOST: "https://127.0.0.1:9" },
    });
    seed = await seedCounter(database, { cards: 1 });
    const { rows } = await database.query<{ apple_serial: string; apple_auth_token: string }>(
      "SELECT apple_serial, apple_auth_token FROM cards WHERE id = $1",
      [seed.cards[0]!.id],
    );
    pass = { serial: rows[0]!.apple_serial, token: rows[0]!.apple_auth_token };
  });

  afterAll(async () => {
    await app?.kill();
    await database?.close();
    fs.rmSync(certDir, { recursive: true, force: true });
  });

  it("registers a device (201, then 200), lists its updated serials, and answers 204 once it is up to date", async () => {
    const register = () =>
      fetch(`${base()}/devices/${device}/registrations/${certs.passTypeId}/${pass.serial}`, {
        method: "POST",
        // x-nonce is proxy.ts's mark on a request; sent by a client to a route the proxy skips, it changes nothing.
        headers: { ...forwarded, authorization: `ApplePass ${pass.token}`, "content-type": "application/json", "x-nonce": "abc" },
        body: JSON.stringify({ pushToken: "system-push-token" }),
      });
    const created = await register();
    expect(created.status).toBe(201);
    expect(created.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(created.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await register()).status).toBe(200);

    const listed = await serials();
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { serialNumbers: string[]; lastUpdated: string };
    expect(body.serialNumbers).toEqual([pass.serial]);
    expect(body.lastUpdated).toMatch(/^\d+$/);
    expect(listed.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(listed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await serials(body.lastUpdated)).status).toBe(204);
  });

  it("serves the pass with Last-Modified, then 304 for an unchanged one, and a stamp shows in both calls", async () => {
    const first = await latestPass();
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/vnd.apple.pkpass");
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(Number(first.headers.get("content-length"))).toBe(bytes.length);
    const lastModified = first.headers.get("last-modified")!;
    expect(Date.parse(lastModified)).not.toBeNaN();

    const unchanged = await latestPass({ "if-modified-since": lastModified });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    const tag = ((await (await serials()).json()) as { lastUpdated: string }).lastUpdated;

    await sleep(1_100); // Last-Modified has whole seconds
    expect((await postStamp(app.url, seed, { cardNumber: seed.cards[0]!.cardNumber })).status).toBe(200);
    const updated = await serials(tag);
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { serialNumbers: string[] }).serialNumbers).toEqual([pass.serial]);
    const changed = await latestPass({ "if-modified-since": lastModified });
    expect(changed.status).toBe(200);
    expect(Date.parse(changed.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(lastModified));
  });

  it("refuses a wrong or missing token with 401, and a client that keeps missing gets 429 with Retry-After", async () => {
    const guess = (authorization?: string) =>
      fetch(`${base()}/passes/${certs.passTypeId}/${pass.serial}`, {
        headers: { "x-forwarded-for": "198.51.100.21", ...(authorization ? { authorization } : {}) },
      });
    expect((await guess()).status).toBe(401);
    expect((await guess(`ApplePass ${pass.token.replace(/.$/, (c) => (c === "a" ? "b" : "a"))}`)).status).toBe(401);
    let last: Response | undefined;
    for (let i = 0; i < 80 && last?.status !== 429; i++) last = await guess("ApplePass wrong-token-0123456789");
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await last!.json()) as { code: string }).code).toBe("RATE_LIMITED");
    // The right token from another address is still served.
    expect((await latestPass()).status).toBe(200);
  });

  it("leaves what the fast path does not take to Next (HEAD, a trailing slash) and refuses an undecodable segment", async () => {
    const head = await fetch(`${base()}/devices/${device}/registrations/${certs.passTypeId}`, { method: "HEAD", headers: forwarded });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const undecodable = await fetch(`${base()}/passes/${certs.passTypeId}/%E0%A4%A`, { headers: forwarded });
    expect(undecodable.status).toBe(400);
    const slash = await fetch(`${base()}/devices/${device}/registrations/${certs.passTypeId}/`, { headers: forwarded, redirect: "manual" });
    expect(slash.status).toBeLessThan(500);
  });

  it("unregisters the device (200), after which it has nothing to list", async () => {
    const removed = await fetch(`${base()}/devices/${device}/registrations/${certs.passTypeId}/${pass.serial}`, {
      method: "DELETE",
      headers: { ...forwarded, authorization: `ApplePass ${pass.token}` },
    });
    expect(removed.status).toBe(200);
    expect((await serials()).status).toBe(204);
  });
});
