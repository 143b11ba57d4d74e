import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { publicOrigin, servedOverHttps } from "@/lib/config/public-url";
import { bodyOverLimit, CLOSE_AFTER_REFUSAL, MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { addressedOrigin, crossSiteRefusal } from "@/lib/http/cross-site";
import { unreadableFormPost } from "@/lib/http/form-body";
import { validationRefusal } from "@/lib/http/refusal";
import {
  contentSecurityPolicy,
  newNonce,
  requestIdFor,
  setAnswerSecurityHeaders,
  setPassedOnRequestHeaders,
} from "@/lib/http/security-headers";

const SIGNED_IN_AREAS = /^\/(dashboard|admin)(\/|$)/;
const WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs before every page and route: gives the request an id (x-request-id, on the request for the
 * logs and on the response for the person reporting a problem), a fresh CSP nonce (set on the
 * request's Content-Security-Policy header, from which Next puts it on its own scripts), and the
 * security headers. A state-changing request from another site is refused here, before any action or
 * route runs (lib/http/cross-site.ts), and so are an API request whose body is over the limit and a
 * form post to a page whose body cannot be read (lib/http/form-body.ts). Besides that, coarse
 * redirects only: a dashboard or admin page opened without any session cookie goes to the login
 * page. Every page and action still checks the session itself.
 */
export async function proxy(request: NextRequest) {
  const https = servedOverHttps();
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });
  const requestId = requestIdFor(request.headers.get("x-request-id"));

  let response: NextResponse;
  const refusal = crossSiteRefusal({
    method: request.method,
    headers: request.headers,
    allowedOrigins: [publicOrigin(), addressedOrigin(request.headers, request.url)],
    cookieNames: request.cookies.getAll().map(({ name }) => name),
  });
  const hasSession = request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIE_NAMES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
  if (refusal) {
    response = NextResponse.json(
      { type: "about:blank#FORBIDDEN", title: "Not allowed", status: 403, code: "FORBIDDEN", detail: refusal },
      { status: 403, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
    );
  } else if (WITH_BODY.has(request.method) && request.nextUrl.pathname.startsWith("/api/") && (await bodyOverLimit(request))) {
    // Here, before Next copies the body for the route: one answer (413) for every API route, and the connection closed
    // after it. (Next still reads a chunked body to its end first; it keeps at most proxyClientMaxBodySize of it.)
    response = nextResponse(
      validationRefusal(413, "Request body too large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, CLOSE_AFTER_REFUSAL),
    );
  } else if (!request.nextUrl.pathname.startsWith("/api/") && (await unreadableFormPost(request))) {
    response = nextResponse(validationRefusal(400, "The form could not be read", "The multipart form data of this request is malformed."));
  } else if (SIGNED_IN_AREAS.test(request.nextUrl.pathname) && !hasSession) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    response = NextResponse.redirect(login);
  } else {
    const headers = new Headers(request.headers);
    setPassedOnRequestHeaders(headers, { csp, requestId, nonce });
    response = NextResponse.next({ request: { headers } });
  }
  setAnswerSecurityHeaders(response.headers, { csp, requestId, https });
  return response;
}

function nextResponse(response: Response): NextResponse {
  return new NextResponse(response.body, { status: response.status, headers: response.headers });
}

// Everything but Next's hashed static files (their headers come from next.config.mjs) and Apple's PassKit web
// service, which iPhones call with a pass's token, never a browser: its routes set their own headers and request id
// (lib/http/limit-misses.ts; own-headers.ts spells the same prefix), and skipping the proxy halves the cost of each call.
export const config = { matcher: ["/((?!_next/static|_next/image|api/v1/loyalty/apple/).*)"] };
