import { createPublicKey, generateKeyPairSync, verify, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake Google Wallet API received it. */
export type RecordedRequest = {
  method: string;
  path: string;
  /** "class" or "object", the resource, and "addMessage" when the request added a message. */
  kind: "class" | "object" | "other";
  action: "insert" | "patch" | "addMessage" | "get" | "other";
  resourceId: string | null;
  body: Record<string, unknown>;
  at: number;
  status: number;
};

type Failure = { match: (request: { kind: string; action: string }) => boolean; status: number; times: number; message: string };

/**
 * A local stand-in for walletobjects.googleapis.com: loyalty classes and
 * objects kept in memory, insert (409 when the id exists), patch (404 when it
 * does not), addMessage; every request recorded with its arrival time. It
 * checks the bearer token is a JWT signed with the service account's key, as
 * Google does, and can be told to answer the next matching requests with an
 * error (404, 409, 429, 503…).
 */
export class FakeGoogleWallet {
  readonly requests: RecordedRequest[] = [];
  readonly classes = new Map<string, Record<string, unknown>>();
  readonly objects = new Map<string, Record<string, unknown>>();
  private failures: Failure[] = [];
  private server: http.Server | undefined;
  url = "";

  constructor(private readonly publicKey: KeyObject) {}

  async start(port = 0): Promise<string> {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` requests of that kind and action are answered with `status`. */
  failNext(kind: RecordedRequest["kind"], action: RecordedRequest["action"], status: number, times = 1): void {
    this.failures.push({
      match: (request) => request.kind === kind && request.action === action,
      status,
      times,
      message: `Fake Google says ${status}`,
    });
  }

  reset(): void {
    this.requests.length = 0;
    this.failures = [];
  }

  /** Requests about one resource, oldest first. */
  requestsFor(resourceId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.resourceId === resourceId);
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", "http://fake");
    if (url.pathname === "/health") return this.reply(response, 200, { ok: true });
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const match = /^\/walletobjects\/v1\/loyalty(Class|Object)(?:\/([^/]+))?(?:\/(addMessage))?$/.exec(url.pathname);
    const kind = match ? (match[1] === "Class" ? "class" : "object") : "other";
    const resourceId = match?.[2] ? decodeURIComponent(match[2]) : typeof body.id === "string" ? body.id : null;
    const method = request.method ?? "GET";
    const action: RecordedRequest["action"] = !match
      ? "other"
      : match[3]
        ? "addMessage"
        : method === "POST" && !match[2]
          ? "insert"
          : method === "PATCH"
            ? "patch"
            : method === "GET"
              ? "get"
              : "other";
    const record: RecordedRequest = { method, path: url.pathname, kind, action, resourceId, body, at, status: 0 };
    this.requests.push(record);
    const send = (status: number, data: unknown) => {
      record.status = status;
      this.reply(response, status, data);
    };

    if (!this.authorized(request.headers.authorization))
      return send(401, googleError(401, "Request had invalid authentication credentials."));
    const failure = this.failures.find((candidate) => candidate.times > 0 && candidate.match({ kind, action }));
    if (failure) {
      failure.times--;
      return send(failure.status, googleError(failure.status, failure.message));
    }
    const store = kind === "class" ? this.classes : this.objects;
    if (action === "insert") {
      if (!resourceId) return send(400, googleError(400, "Missing id"));
      if (store.has(resourceId)) return send(409, googleError(409, `Resource already exists: ${resourceId}`));
      const saved = { ...body, ...(kind === "class" ? { reviewStatus: "UNDER_REVIEW" } : {}) };
      store.set(resourceId, saved);
      return send(200, saved);
    }
    const existing = resourceId ? store.get(resourceId) : undefined;
    if (!existing || !resourceId) return send(404, googleError(404, `Resource not found: ${resourceId}`));
    if (action === "patch") {
      const saved = { ...existing, ...body };
      store.set(resourceId, saved);
      return send(200, saved);
    }
    if (action === "addMessage") {
      const messages = [...((existing.messages as unknown[] | undefined) ?? []), (body as { message?: unknown }).message];
      store.set(resourceId, { ...existing, messages });
      return send(200, { resource: store.get(resourceId) });
    }
    if (action === "get") return send(200, existing);
    return send(400, googleError(400, "Unsupported request"));
  }

  /** Google accepts a self-signed JWT from the service account: its signature must verify with the account's public key. */
  private authorized(header: string | undefined): boolean {
    const token = /^Bearer (.+)$/.exec(header ?? "")?.[1];
    if (!token) return false;
    const [head, claims, signature] = token.split(".");
    if (!head || !claims || !signature) return false;
    return verify("RSA-SHA256", Buffer.from(`${head}.${claims}`), this.publicKey, Buffer.from(signature, "base64url"));
  }

  private reply(response: http.ServerResponse, status: number, data: unknown): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(data));
  }
}

function googleError(code: number, message: string) {
  return { error: { code, message, status: code === 404 ? "NOT_FOUND" : code === 409 ? "ALREADY_EXISTS" : "FAILED" } };
}

/** A service account key file for tests: a fresh RSA key pair, as Google Cloud would hand out. */
export function testServiceAccount() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const json = {
    type: "service_account",
    project_id: "loyalty-test",
    private_key_id: "test-key-1",
    private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    client_email: "wallet@loyalty-test.iam.gserviceaccount.com",
    client_id: "1",
  };
  return { json, text: JSON.stringify(json), publicKey: createPublicKey(publicKey.export({ type: "spki", format: "pem" })) };
}

/** The claims of a JWT (not verified). */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [head, claims] = token.split(".");
  return {
    header: JSON.parse(Buffer.from(head!, "base64url").toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(claims!, "base64url").toString()) as Record<string, unknown>,
  };
}
