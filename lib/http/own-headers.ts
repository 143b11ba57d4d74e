import "server-only";
import { servedOverHttps } from "@/lib/config/public-url";
import { withRequestId } from "@/lib/logger";
import { requestIdFor, staticSecurityHeaders } from "./security-headers";

/** proxy.ts's matcher leaves this prefix out (it must be a literal there), so a request under it never went through the proxy. */
const OUTSIDE_PROXY = "/api/v1/loyalty/apple/";

/** The proxy puts x-nonce on the request; a client can send one too, which counts only where the proxy would replace it. */
function proxyRan(request: Request): boolean {
  return request.headers.has("x-nonce") && !new URL(request.url).pathname.startsWith(OUTSIDE_PROXY);
}

/**
 * Runs a route's work under its request id and gives the answer the security
 * headers. proxy.ts does both for every request it sees (it puts the nonce on
 * the request, x-nonce, and adds the headers to the answer itself); Apple's web
 * service skips proxy.ts, so its routes and the /api/ catch-all call this.
 */
export async function withOwnHeaders(request: Request, work: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdFor(request.headers.get("x-request-id"));
  const response = await withRequestId(requestId, work);
  if (!proxyRan(request)) {
    response.headers.set("x-request-id", requestId);
    response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    for (const [name, value] of Object.entries(staticSecurityHeaders(servedOverHttps()))) response.headers.set(name, value);
  }
  return response;
}
