/**
 * Which state-changing requests come from somewhere else (CSRF). Pure, without `server-only`:
 * proxy.ts applies it to every request before any page, action or route runs.
 *
 * - GET, HEAD and OPTIONS pass (they never change anything).
 * - An Origin header that is not this app (another site, or the opaque `null` of a sandboxed
 *   frame or a cross-site redirect) is refused.
 * - A missing Origin is refused for server actions (a browser always sends one with them) and for
 *   requests that carry this app's sign-in cookies without an Authorization header: a cookie is
 *   sent by the browser on its own, a bearer key (vendor API, Apple's web service) is not.
 *   Machine clients without cookies (the vendor API with its key, mail providers' one-click
 *   unsubscribe) send no Origin and pass.
 */
export const CREDENTIAL_COOKIES = [
  "__Host-next-auth.session-token",
  "next-auth.session-token",
  "loyalty_counter_device",
  "loyalty_counter_staff",
  "loyalty_held_cards",
];

export type CrossSiteInput = {
  method: string;
  /** The request's headers. */
  headers: Headers;
  /** The origins this app is served at: its public URL, and the one the request was addressed to. */
  allowedOrigins: string[];
  cookieNames: string[];
};

export function crossSiteRefusal(input: CrossSiteInput): string | null {
  if (["GET", "HEAD", "OPTIONS"].includes(input.method.toUpperCase())) return null;
  const origin = input.headers.get("origin");
  if (origin !== null) {
    return input.allowedOrigins.includes(origin.toLowerCase())
      ? null
      : `Requests from ${origin === "null" ? "an opaque origin" : "another site"} are refused.`;
  }
  if (input.headers.has("next-action")) return "A server action must come from this site's pages (no Origin header).";
  if (input.headers.has("authorization")) return null;
  const withCredentials = input.cookieNames.some((name) =>
    CREDENTIAL_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)),
  );
  return withCredentials ? "A request with this site's cookies must say where it comes from (no Origin header)." : null;
}

/** The origin a request was addressed to, as the proxy in front reports it (Host and X-Forwarded-*). */
export function addressedOrigin(headers: Headers, fallbackUrl: string): string {
  const url = new URL(fallbackUrl);
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || url.host;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(/:$/, "");
  return `${proto}://${host}`.toLowerCase();
}
