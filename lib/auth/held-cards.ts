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
 *
 * The value ends with the day it was last written (`r<days since 1970>`), so a
 * card page can tell whether this visit needs to write it again: only when the
 * card is not first yet or the cookie's expiry was last pushed back a month
 * ago. Writing a cookie from a server action makes Next render the page a
 * second time, which a regular customer's visit then does not pay.
 */
export const HELD_CARDS_COOKIE = "loyalty_held_cards";
const MAX_HELD_CARDS = 10;
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const WRITTEN_PATTERN = /^r(\d{1,7})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Visits within this many days of the last write leave the cookie as it is (its expiry is 400 days). */
const RENEW_AFTER_DAYS = 30;

/** The tokens in a cookie value, newest first; anything malformed is dropped. */
export function parseHeldCards(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(".")
    .filter((token) => TOKEN_PATTERN.test(token))
    .slice(0, MAX_HELD_CARDS);
}

function writtenDay(value: string | undefined): number | undefined {
  const match = WRITTEN_PATTERN.exec(value?.slice(value.lastIndexOf(".") + 1) ?? "");
  return match ? Number(match[1]) : undefined;
}

function withWrittenDay(tokens: string[], now: Date): string {
  return [...tokens, `r${Math.floor(now.getTime() / DAY_MS)}`].join(".");
}

/** The cookie value after opening `pageToken`: it moves to the front, the oldest beyond the limit fall off. */
export function withHeldCard(value: string | undefined, pageToken: string, now: Date): string {
  const others = parseHeldCards(value).filter((token) => token !== pageToken);
  return withWrittenDay([pageToken, ...others].slice(0, MAX_HELD_CARDS), now);
}

/** Whether opening `pageToken` should write the cookie: the card is not first in it, or it was last written a month ago. */
export function heldCardNeedsWriting(value: string | undefined, pageToken: string, now: Date): boolean {
  if (parseHeldCards(value)[0] !== pageToken) return true;
  const day = writtenDay(value);
  return day === undefined || Math.floor(now.getTime() / DAY_MS) - day >= RENEW_AFTER_DAYS;
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

/** Whether the card page should remember `pageToken` on this phone (see heldCardNeedsWriting). */
export async function heldCardNeedsRemembering(pageToken: string, now: Date): Promise<boolean> {
  return heldCardNeedsWriting((await cookies()).get(HELD_CARDS_COOKIE)?.value, pageToken, now);
}

/** Remembers a card on this phone. Only where cookies may be set: a server action or a route handler. */
export async function rememberHeldCard(pageToken: string, now: Date): Promise<void> {
  if (!TOKEN_PATTERN.test(pageToken)) return;
  const store = await cookies();
  store.set(HELD_CARDS_COOKIE, withHeldCard(store.get(HELD_CARDS_COOKIE)?.value, pageToken, now), heldCardsCookieOptions());
}

/** Forgets a card on this phone (after the customer erased their data). */
export async function forgetHeldCard(pageToken: string, now: Date): Promise<void> {
  const store = await cookies();
  const remaining = parseHeldCards(store.get(HELD_CARDS_COOKIE)?.value).filter((token) => token !== pageToken);
  if (remaining.length === 0) store.delete(HELD_CARDS_COOKIE);
  else store.set(HELD_CARDS_COOKIE, withWrittenDay(remaining, now), heldCardsCookieOptions());
}
