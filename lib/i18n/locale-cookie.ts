import "server-only";
import { getConfig } from "@/lib/config";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The language cookie: only the server reads it; Secure behind HTTPS. */
export function localeCookieOptions() {
  return {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax" as const,
    httpOnly: true,
    secure: getConfig().publicUrl.startsWith("https:"),
  };
}
