import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/auth/password-hash";
import type { Database } from "@/lib/db/open-database";
import { createCard, createMerchantSetup } from "@/test/factories";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./support/system-app";

// Issue 11, hardening: the built app behind HTTPS (LOYALTY_PUBLIC_URL https://…, reached over plain
// HTTP as a TLS-terminating proxy would), against cross-site requests, for its cookies, its headers,
// its rate limits, and for what its logs never contain.
const PUBLIC_URL = "https://loyalty.example";
const EVIL = "https://evil.example";
const PASSWORD = "correct-horse-battery-staple-42";
const PIN = "4821";
const WRONG_PIN = "7395";

/**
 * Whether `text` holds `secret`. A short one (a four-digit PIN) counts only
 * as a token of its own: it also occurs by chance inside request ids, pids and
 * timestamps, which is no leak.
 */
function containsToken(text: string, secret: string): boolean {
  if (secret.length >= 12) return text.includes(secret);
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`).test(text);
}

describe("the app behind HTTPS", () => {
  let database: (Database & { url: string }) | undefined;
  let app: AppInstance;
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;
  let cardNumber: string;
  let email: string;
  const secrets: string[] = [PASSWORD, PIN, WRONG_PIN];

  beforeAll(async () => {
    database = await createSystemDatabase();
    setup = await createMerchantSetup(database.prisma, { staff: [{ pin: PIN }], program: { requireStaffPin: true } });
    email = `owner-${randomUUID().slice(0, 8)}@cafe.example`;
    await database.prisma.user.create({
      data: { email, passwordHash: await hashSecret(PASSWORD), role: "owner", merchantId: setup.merchant.id },
    });
    const card = await createCard(database.prisma, setup.merchant, setup.program, {
      email: `ana-${randomUUID().slice(0, 8)}@mail.example`,
    });
    cardNumber = card.cardNumber;
    secrets.push(setup.apiKey.key, card.pageToken, card.qrPayload, email);
    // The same secrets as this process, so the PIN lookup digests written above match.
    app = await startAppInstance({
      databaseUrl: database.url,
      env: {
        LOYALTY_PUBLIC_URL: PUBLIC_URL,
        LOYALTY_SECRET_KEY: process.env.LOYALTY_SECRET_KEY!,
        AUTH_SECRET: process.env.AUTH_SECRET!,
      },
    });
  });

  afterAll(async () => {
    await app?.kill();
    await database?.close();
  });

  const url = (path: string) => `${app.url}${path}`;
  const forwarded = { "x-forwarded-proto": "https" };

  /** Logs in like the login form does; returns the session cookie (name=value) and its Set-Cookie line. */
  async function logIn(): Promise<{ cookie: string; setCookie: string }> {
    const csrfResponse = await fetch(url("/api/auth/csrf"), { headers: forwarded });
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const csrfCookie = csrfResponse.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const response = await fetch(url("/api/auth/callback/credentials"), {
      method: "POST",
      redirect: "manual",
      headers: { ...forwarded, origin: PUBLIC_URL, cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: PASSWORD, csrfToken, json: "true" }),
    });
    const setCookie = response.headers.getSetCookie().find((line) => line.includes("session-token="));
    if (!setCookie) throw new Error(`no session cookie (status ${response.status})`);
    secrets.push(setCookie.split(";")[0]!.split("=").slice(1).join("="));
    return { cookie: `${setCookie.split(";")[0]}; ${csrfCookie}`, setCookie };
  }

  async function sessionOf(cookie: string): Promise<{ uid?: string; sid?: string }> {
    return (await (await fetch(url("/api/auth/session"), { headers: { ...forwarded, cookie } })).json()) as { uid?: string; sid?: string };
  }

  describe("Security headers", () => {
    it("every page and route answers with a nonce CSP, HSTS, nosniff, a referrer policy and a request id", async () => {
      for (const path of ["/login", "/api/health", "/join/NOSUCHCODE", "/api/v1/loyalty/programs/NOSUCH"]) {
        const response = await fetch(url(path), { headers: forwarded });
        const csp = response.headers.get("content-security-policy") ?? "";
        const scripts = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
        expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
        expect(scripts, path).not.toContain("unsafe-inline");
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(response.headers.get("strict-transport-security"), path).toMatch(/max-age=\d+/);
        expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
        expect(response.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it("Apple's web service, which proxy.ts skips (iPhones call it, not browsers), answers with the same headers and a CSP that allows nothing", async () => {
      for (const path of [
        "/api/v1/loyalty/apple/v1/passes/pass.example.loyalty/no-such-serial",
        "/api/v1/loyalty/apple/v1/devices/d/registrations/pass.example.loyalty",
      ]) {
        const response = await fetch(url(path), { headers: forwarded });
        expect([204, 401], path).toContain(response.status);
        expect(response.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(response.headers.get("strict-transport-security"), path).toMatch(/max-age=\d+/);
        expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(response.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it("puts the request's nonce on every script of a page, and a new nonce on each request", async () => {
      const first = await fetch(url("/login"), { headers: forwarded });
      const nonce = /'nonce-([^']+)'/.exec(first.headers.get("content-security-policy")!)![1]!;
      const html = await first.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      const second = await fetch(url("/login"), { headers: forwarded });
      expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    });
  });

  describe("Sessions", () => {
    it("the session cookie is __Host-, Secure, HttpOnly and SameSite=Lax, with no Domain", async () => {
      const { setCookie } = await logIn();
      expect(setCookie).toMatch(/^__Host-next-auth\.session-token=/);
      expect(setCookie).toMatch(/;\s*Secure/i);
      expect(setCookie).toMatch(/;\s*HttpOnly/i);
      expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
      expect(setCookie).toMatch(/;\s*Path=\/(;|$)/);
      expect(setCookie).not.toMatch(/Domain=/i);
    });

    it("each login gives a new session, and logging out makes the old cookie useless", async () => {
      const first = await logIn();
      const second = await logIn();
      const [a, b] = [await sessionOf(first.cookie), await sessionOf(second.cookie)];
      expect(a.sid).toBeTruthy();
      expect(b.sid).toBeTruthy();
      expect(a.sid).not.toBe(b.sid);
      expect(first.cookie).not.toBe(second.cookie);

      const { csrfToken } = (await (await fetch(url("/api/auth/csrf"), { headers: { ...forwarded, cookie: first.cookie } })).json()) as {
        csrfToken: string;
      };
      const out = await fetch(url("/api/auth/signout"), {
        method: "POST",
        redirect: "manual",
        headers: { ...forwarded, origin: PUBLIC_URL, cookie: first.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      });
      expect(out.status).toBeLessThan(400);
      // The browser forgets the cookie; someone who kept a copy gets nothing with it.
      const stolen = await fetch(url("/api/v1/vendor/loyalty/stores"), { headers: { ...forwarded, cookie: first.cookie } });
      expect(stolen.status).toBe(401);
      // (next-auth's /api/auth/session only decodes the cookie; every page and route checks the server-side session.)
      const page = await fetch(url("/dashboard"), { headers: { ...forwarded, cookie: first.cookie }, redirect: "manual" });
      expect(page.status).not.toBe(200);
      expect(page.headers.get("location") ?? "").toContain("/login");
      // The other session is untouched.
      expect((await fetch(url("/api/v1/vendor/loyalty/stores"), { headers: { ...forwarded, cookie: second.cookie } })).status).toBe(200);
    });
  });

  describe("Cross-site requests", () => {
    const actionHeaders = (origin?: string) => ({
      ...forwarded,
      "next-action": "0000000000000000000000000000000000000000",
      "content-type": "text/plain;charset=UTF-8",
      ...(origin === undefined ? {} : { origin }),
    });

    it("server actions refuse another site's Origin, Origin: null and a missing Origin", async () => {
      const { cookie } = await logIn();
      for (const origin of [EVIL, "null", undefined]) {
        for (const path of ["/dashboard/program", "/join/ABC", "/counter", "/login"]) {
          const response = await fetch(url(path), { method: "POST", headers: { ...actionHeaders(origin), cookie }, body: "[]" });
          expect(response.status, `${path} from ${origin}`).toBe(403);
          expect(((await response.json()) as { code: string }).code).toBe("FORBIDDEN");
        }
      }
      // From the app's own origin the request reaches Next (which finds no such action), not our refusal.
      const own = await fetch(url("/login"), { method: "POST", headers: { ...actionHeaders(PUBLIC_URL), cookie }, body: "[]" });
      expect(own.status).not.toBe(403);
    });

    it("cookie-authenticated routes refuse foreign and missing Origins; a bearer key needs none", async () => {
      const { cookie } = await logIn();
      const body = JSON.stringify({ cardNumber });
      const lookup = (headers: Record<string, string>) =>
        fetch(url("/api/v1/vendor/loyalty/cards/lookup"), {
          method: "POST",
          headers: { ...forwarded, "content-type": "application/json", ...headers },
          body,
        });
      expect((await lookup({ cookie, origin: EVIL })).status).toBe(403);
      expect((await lookup({ cookie, origin: "null" })).status).toBe(403);
      expect((await lookup({ cookie })).status).toBe(403);
      expect((await lookup({ cookie, origin: PUBLIC_URL })).status).toBe(200);
      expect((await lookup({ authorization: `Bearer ${setup.apiKey.key}` })).status).toBe(200);
      // A bearer key sent from another site's page is still refused: the Origin says where it comes from.
      expect((await lookup({ authorization: `Bearer ${setup.apiKey.key}`, origin: EVIL })).status).toBe(403);
    });

    it("the public enroll and unsubscribe POSTs refuse another site; mail providers' one-click unsubscribe without Origin passes", async () => {
      const enroll = await fetch(url("/api/v1/loyalty/enroll"), {
        method: "POST",
        headers: { ...forwarded, origin: EVIL, "content-type": "application/json" },
        body: JSON.stringify({ storeCode: setup.store.code }),
      });
      expect(enroll.status).toBe(403);
      const before = await database!.prisma.card.count();
      const unsubscribeFromEvil = await fetch(url("/api/v1/loyalty/unsubscribe/not-a-token"), {
        method: "POST",
        headers: { ...forwarded, origin: "null" },
      });
      expect(unsubscribeFromEvil.status).toBe(403);
      const oneClick = await fetch(url("/api/v1/loyalty/unsubscribe/not-a-token"), {
        method: "POST",
        headers: { ...forwarded, "x-forwarded-for": "198.51.100.7", "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(oneClick.status).toBe(404);
      expect(await database!.prisma.card.count()).toBe(before);
    });

    it("GET requests never write: signing out, unsubscribing and erasing need a POST", async () => {
      const { cookie } = await logIn();
      const counts = async () => ({
        sessions: await database!.prisma.userSession.count({ where: { revokedAt: null } }),
        ledger: await database!.prisma.ledgerEntry.count(),
        audit: await database!.prisma.auditLog.count(),
        cards: await database!.prisma.card.count(),
      });
      const before = await counts();
      for (const path of [
        "/api/auth/signout",
        "/api/v1/loyalty/unsubscribe/not-a-token",
        "/dashboard",
        "/dashboard/program",
        "/login",
        "/api/v1/vendor/loyalty/stores",
      ]) {
        await fetch(url(path), { headers: { ...forwarded, cookie, origin: EVIL }, redirect: "manual" });
      }
      expect(await counts()).toEqual(before);
      expect((await sessionOf(cookie)).sid).toBeTruthy();
    });
  });

  describe("Rate limits", () => {
    it("guessing store codes is answered with 429 RATE_LIMITED and Retry-After", async () => {
      const client = { ...forwarded, "x-forwarded-for": "203.0.113.9" };
      let last: Response | undefined;
      for (let i = 0; i < 70; i++) {
        last = await fetch(url(`/api/v1/loyalty/programs/NOPE${i}`), { headers: client });
        if (last.status === 429) break;
      }
      expect(last!.status).toBe(429);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await last!.json()) as { code: string }).code).toBe("RATE_LIMITED");
      // Another client is not affected.
      const other = await fetch(url(`/api/v1/loyalty/programs/${setup.store.code}`), {
        headers: { ...forwarded, "x-forwarded-for": "203.0.113.10" },
      });
      expect(other.status).toBe(200);
    });
  });

  describe("Secrets stay secret", () => {
    it("the logs of the run hold none of the PINs, passwords, tokens, keys or contact data it used", async () => {
      const stamp = (staffPin: string) =>
        fetch(url("/api/v1/vendor/loyalty/stamp"), {
          method: "POST",
          headers: { ...forwarded, authorization: `Bearer ${setup.apiKey.key}`, "content-type": "application/json" },
          body: JSON.stringify({ cardNumber, storeId: setup.store.id, staffPin }),
        });
      expect((await stamp(WRONG_PIN)).status).toBeGreaterThanOrEqual(400);
      expect((await stamp(PIN)).status).toBeLessThan(300);
      // Failed logins, a bad key, a bad JSON body and a card page: paths and bodies with secrets in them.
      await fetch(url("/api/v1/vendor/loyalty/stores"), { headers: { authorization: `Bearer ${setup.apiKey.key}x` } });
      await fetch(url("/api/v1/vendor/loyalty/stamp"), {
        method: "POST",
        headers: { authorization: `Bearer ${setup.apiKey.key}`, "content-type": "application/json" },
        body: `{"staffPin":"${PIN}",`,
      });
      await fetch(url(`/card/${secrets[4]}`), { headers: forwarded });
      await fetch(url(`/card/${secrets[4]}/data.json`), { headers: forwarded });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const logs = app.output();
      expect(logs.length).toBeGreaterThan(0);
      for (const secret of secrets) expect(containsToken(logs, secret), `the logs contain ${secret.slice(0, 4)}…`).toBe(false);
      // Every structured line is JSON.
      for (const line of logs.split("\n").filter((text) => text.startsWith("{"))) expect(() => JSON.parse(line) as unknown).not.toThrow();
    });
  });
});
