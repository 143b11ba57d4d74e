import "server-only";
import { decode } from "next-auth/jwt";
import { loadSessionUser } from "@/lib/accounts/sessions";
import type { AdminContext } from "@/lib/admin/admin-context";
import type { Clock } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { SESSION_COOKIE_NAMES } from "./session-cookie";
import { requestInfo } from "./vendor-auth";

/** A cookie value as sent; a malformed %-escape (anyone can send one) is kept as it is rather than thrown. */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** next-auth's session token from a Cookie header (a large token is split in chunks: name.0, name.1, ...). */
function sessionTokenOf(cookieHeader: string): string | null {
  const cookies = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeCookieValue(part.slice(index + 1).trim()));
  }
  for (const name of SESSION_COOKIE_NAMES) {
    if (cookies.has(name)) return cookies.get(name)!;
    const chunks = [...cookies.keys()]
      .filter((key) => key.startsWith(`${name}.`))
      .sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
    if (chunks.length > 0) return chunks.map((key) => cookies.get(key)).join("");
  }
  return null;
}

/**
 * Who is calling the admin API: a platform admin signed in to the console
 * (the session cookie, checked against its server-side session like every
 * page). Nobody signed in: 401. A merchant's owner or manager: 403. Read
 * from the request itself, so it works outside Next's request scope too.
 */
export async function authenticateAdmin(request: Request, clock: Clock): Promise<AdminContext> {
  const token = sessionTokenOf(request.headers.get("cookie") ?? "");
  if (!token) throw new AppError("UNAUTHENTICATED", {}, "Log in to the admin console as a platform admin.");
  const claims = await decode({ token, secret: getConfig().secrets.authSecret }).catch(() => null);
  const user =
    claims && typeof claims.sid === "string" && typeof claims.uid === "string"
      ? await loadSessionUser(claims.sid, claims.uid, clock.now())
      : null;
  if (!user) throw new AppError("UNAUTHENTICATED", {}, "This session has ended: log in again.");
  if (user.role !== "admin") throw new AppError("FORBIDDEN", {}, "Platform admins only.");
  return { actor: { type: "admin", userId: user.userId }, clock, request: requestInfo(request) };
}
