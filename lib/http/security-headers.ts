/**
 * The security headers of every response (set by proxy.ts). Pure, without
 * `server-only`: the proxy imports it, and unit tests check the policy.
 *
 * Scripts run only with the request's nonce ('strict-dynamic' lets Next's
 * own loader add its chunks); styles may be inline, as React's `style`
 * attributes and the card colours need it, which lets no script run. Images
 * come from this origin or data:/blob: URLs (QR codes, logo previews); media
 * and workers may be blob: (the counter's camera scanner).
 */
export function contentSecurityPolicy(options: { nonce: string; https: boolean; development?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob: mediastream:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A fresh nonce per request: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Headers that do not depend on the request, for every response. */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    // The counter scans QR codes with the camera; nothing else may use it, the microphone or location.
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * What proxy.ts adds to every answer: the policy with the request's nonce, the request id and the
 * static headers. The vendor API's fast path (lib/http/api-fast-path.ts) adds the same.
 */
export function setAnswerSecurityHeaders(headers: Headers, options: { csp: string; requestId: string; https: boolean }): void {
  headers.set("Content-Security-Policy", options.csp);
  headers.set("x-request-id", options.requestId);
  for (const [name, value] of Object.entries(staticSecurityHeaders(options.https))) headers.set(name, value);
}

/** What proxy.ts puts on the request it passes on: its id (for the logs), the nonce (for Next's scripts) and the policy. */
export function setPassedOnRequestHeaders(headers: Headers, options: { csp: string; requestId: string; nonce: string }): void {
  headers.set("x-request-id", options.requestId);
  headers.set("x-nonce", options.nonce);
  headers.set("Content-Security-Policy", options.csp);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request id a trusted proxy in front sent, when it looks like one; otherwise a new one. */
export function requestIdFor(incoming: string | null): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
