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
 * The web Request a route handler takes, for a request whose body is not read (the fast paths
 * take GETs, or refuse the request). As Next does, the socket's address is the X-Forwarded-For
 * of a request that came with none. x-nonce is dropped: only proxy.ts sets it (withOwnHeaders
 * reads it as "the proxy ran"), and the proxy does not run before a fast path.
 */
export function bodilessWebRequest(req: IncomingMessage, method = req.method ?? "GET"): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "x-nonce") continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  return new Request(new URL(req.url ?? "/", "http://localhost"), { method, headers });
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
