import "server-only";
import { cookies } from "next/headers";
import { getConfig } from "@/lib/config";

/**
 * The cards this phone holds: the page tokens of the web cards opened on it,
 * newest first, in an httpOnly cookie. It lets a store's QR page (/join/<code>)
 * recognise a customer who already has a card at that merchant and offer
 * "Collect a stamp here" instead of a second enrollment. A page token already
 * is the card page's bearer secret, so the cookie holds nothing the phone
 * did not have; it identifies a card, it never authorizes a balance change
 * (that takes a staff PIN).
 */
export const HELD_CARDS_COOKIE = "loyalty_held_cards";
const MAX_HELD_CARDS = 10;
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The tokens in a cookie value, newest first; anything malformed is dropped. */
export function parseHeldCards(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(".")
    .filter((token) => TOKEN_PATTERN.test(token))
    .slice(0, MAX_HELD_CARDS);
}

/** The cookie value after opening `pageToken`: it moves to the front, the oldest beyond the limit fall off. */
export function withHeldCard(value: string | undefined, pageToken: string): string {
  const others = parseHeldCards(value).filter((token) => token !== pageToken);
  return [pageToken, ...others].slice(0, MAX_HELD_CARDS).join(".");
}

/** Out of reach of scripts, Secure behind HTTPS, sent on top-level navigations (the store's QR code opens a page). */
export function heldCardsCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getConfig().publicUrl.startsWith("https:"),
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  };
}

/** The page tokens this phone holds (read in server components, actions and route handlers). */
export async function readHeldCards(): Promise<string[]> {
  return parseHeldCards((await cookies()).get(HELD_CARDS_COOKIE)?.value);
}

/** Remembers a card on this phone. Only where cookies may be set: a server action or a route handler. */
export async function rememberHeldCard(pageToken: string): Promise<void> {
  if (!TOKEN_PATTERN.test(pageToken)) return;
  const store = await cookies();
  store.set(HELD_CARDS_COOKIE, withHeldCard(store.get(HELD_CARDS_COOKIE)?.value, pageToken), heldCardsCookieOptions());
}

/** Forgets a card on this phone (after the customer erased their data). */
export async function forgetHeldCard(pageToken: string): Promise<void> {
  const store = await cookies();
  const remaining = parseHeldCards(store.get(HELD_CARDS_COOKIE)?.value).filter((token) => token !== pageToken);
  if (remaining.length === 0) store.delete(HELD_CARDS_COOKIE);
  else store.set(HELD_CARDS_COOKIE, remaining.join("."), heldCardsCookieOptions());
}
