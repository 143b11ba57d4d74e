import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A handler that sees each request before Next's router does (scripts/serve.mjs calls it) and
 * answers the few calls that are too frequent to pay for Next's routing; it returns false to
 * leave a request to Next.
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The global scripts/serve.mjs looks the fast path up under (it spells the same key). */
const FAST_PATH_KEY = Symbol.for("loyalty.fastPath");

/** Called at start (lib/server-process.ts), from Next's bundle, so the handler shares the routes' modules' state. */
export function installFastPath(fastPath: FastPath): void {
  (globalThis as Record<symbol, unknown>)[FAST_PATH_KEY] = fastPath;
}

/**
 * A Node request's headers as a route handler sees them. As Next does, the socket's address is the
 * X-Forwarded-For of a request that came with none. x-nonce is dropped: only proxy.ts sets it
 * (withOwnHeaders reads it as "the proxy ran").
 */
export function webRequestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "x-nonce") continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  return headers;
}

/** The web Request a route handler takes, for a request whose body is not read (GETs, or a request refused as it is). */
export function bodilessWebRequest(req: IncomingMessage, method = req.method ?? "GET"): Request {
  return new Request(new URL(req.url ?? "/", "http://localhost"), { method, headers: webRequestHeaders(req) });
}

/** A request's whole body; rejects if the client goes away before sending it. The caller bounds its size first (Content-Length). */
export function readNodeBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("The client closed the connection before sending the whole body."));
    });
  });
}

/** Several fast paths, tried in order: the first that takes the request answers it. */
export function firstOf(...fastPaths: FastPath[]): FastPath {
  return (req, res) => fastPaths.some((fastPath) => fastPath(req, res));
}

/** Writes a route handler's Response to Node's response. */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.end(body);
}
