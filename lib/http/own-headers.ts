import "server-only";
import { servedOverHttps } from "@/lib/config/public-url";
import { withRequestId } from "@/lib/logger";
import { requestIdFor, staticSecurityHeaders } from "./security-headers";

/**
 * Runs a route's work under its request id and gives the answer the security
 * headers. proxy.ts does both for every request it sees (it puts the nonce on
 * the request, x-nonce, and adds the headers to the answer itself); Apple's web
 * service skips proxy.ts, so its routes and the /api/ catch-all call this.
 */
export async function withOwnHeaders(request: Request, work: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdFor(request.headers.get("x-request-id"));
  const response = await withRequestId(requestId, work);
  if (!request.headers.has("x-nonce")) {
    response.headers.set("x-request-id", requestId);
    response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    for (const [name, value] of Object.entries(staticSecurityHeaders(servedOverHttps()))) response.headers.set(name, value);
  }
  return response;
}
