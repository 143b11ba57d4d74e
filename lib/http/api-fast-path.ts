import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerKey } from "@/lib/auth/vendor-auth";
import { publicOrigin, servedOverHttps } from "@/lib/config/public-url";
import { logger } from "@/lib/logger";
import { errorResponse } from "./api-route";
import { MAX_BODY_BYTES } from "./body-limit";
import { addressedOrigin, crossSiteRefusal } from "./cross-site";
import { readNodeBody, sendWebResponse, webRequestHeaders, type FastPath } from "./fast-path";
import { contentSecurityPolicy, newNonce, requestIdFor, setAnswerSecurityHeaders, setPassedOnRequestHeaders } from "./security-headers";

/** A route file's POST handler (vendorRoute's result), for a path without parameters. */
export type PostHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Whether proxy.ts would pass this POST on unchanged, and it is a vendor API call with a merchant
 * key: a Bearer key (no session, so nothing that needs Next's request scope), a Content-Length
 * within the limit (a larger or chunked body gets the proxy's own answer), and no cross-site refusal.
 */
export function takenByApiFastPath(headers: Headers): boolean {
  if (bearerKey(headers.get("authorization")) === null) return false;
  if (headers.has("transfer-encoding")) return false;
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length) || Number(length) > MAX_BODY_BYTES) return false;
  const cookieNames = (headers.get("cookie") ?? "").split(";").map((pair) => pair.split("=")[0]!.trim());
  const refusal = crossSiteRefusal({
    method: "POST",
    headers,
    allowedOrigins: [publicOrigin(), addressedOrigin(headers, "http://localhost/")],
    cookieNames,
  });
  return refusal === null;
}

/**
 * Fast path (scripts/serve.mjs) for the vendor API's POSTs the counter makes for every customer
 * (stamp, points, their redemptions) when they come with a merchant API key: the route file's own
 * handler is called with the request as proxy.ts would have passed it on (request id, nonce), and
 * its answer gets the proxy's headers. Next's routing and its proxy step cost more CPU than a stamp
 * itself (bench/stamp.ts). Anything else (another path or method, a query string, a dashboard
 * session, a body over the limit or without a length, a cross-site request) goes on to Next.
 */
export function apiPostFastPath(handlers: ReadonlyMap<string, PostHandler>): FastPath {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") return false;
    const handler = handlers.get(req.url ?? "");
    if (!handler) return false;
    let headers: Headers;
    try {
      headers = webRequestHeaders(req);
    } catch {
      // A header the web Headers class refuses: Next answers such a request as it would anyway.
      return false;
    }
    if (!takenByApiFastPath(headers)) return false;
    const https = servedOverHttps();
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce, https });
    const requestId = requestIdFor(headers.get("x-request-id"));
    setPassedOnRequestHeaders(headers, { csp, requestId, nonce });
    void readNodeBody(req)
      .then(
        async (body) => {
          const request = new Request(new URL(req.url ?? "/", "http://localhost"), { method: "POST", headers, body: new Uint8Array(body) });
          const response = await handler(request, { params: Promise.resolve({}) }).catch((error: unknown) => errorResponse(error, request));
          setAnswerSecurityHeaders(response.headers, { csp, requestId, https });
          await sendWebResponse(response, res);
        },
        // The client went away before sending its body: there is no one to answer.
        () => res.destroy(),
      )
      .catch((error: unknown) => {
        logger.error("http.fast_path_failed", { error: error instanceof Error ? error.message : String(error) });
        res.destroy();
      });
    return true;
  };
}
