import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";

/** The cookie of the staff session open on a counter tablet (only its SHA-256 is stored). */
export const COUNTER_STAFF_COOKIE = "loyalty_counter_staff";

export function newStaffSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashStaffSessionToken(token) };
}

export function hashStaffSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Out of reach of scripts, sent only to the counter's own pages; it never outlives the absolute timeout. */
export function staffSessionCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: getConfig().publicUrl.startsWith("https:"),
    path: "/counter",
    maxAge: maxAgeSeconds,
  };
}
