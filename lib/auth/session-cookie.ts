/**
 * next-auth's session cookie: `__Host-` behind HTTPS (Secure, Path=/, no Domain: no subdomain can set
 * or shadow it), plain over HTTP (development, tests). Constants only, no `server-only`: proxy.ts reads them.
 */
export const SECURE_SESSION_COOKIE = "__Host-next-auth.session-token";
export const PLAIN_SESSION_COOKIE = "next-auth.session-token";

/** Every name a session cookie may carry, the secure one first. */
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, PLAIN_SESSION_COOKIE] as const;

export function sessionCookieName(https: boolean): string {
  return https ? SECURE_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}
