import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Whether a string can be a page token at all: anything else is refused before a lookup. */
export function isPageTokenShaped(pageToken: string): boolean {
  return TOKEN_PATTERN.test(pageToken);
}

/** The stored token against the given one, in constant time (the lookup found it through the unique index). */
export function samePageToken(given: string, stored: string): boolean {
  const givenBytes = Buffer.from(given);
  const storedBytes = Buffer.from(stored);
  return givenBytes.length === storedBytes.length && timingSafeEqual(givenBytes, storedBytes);
}

/**
 * The card a web-card token opens: { id, merchantId } or null. The token is
 * the page's bearer secret (random, unguessable). It is looked up through its
 * unique index and then compared in constant time, so the answer's timing
 * does not depend on how much of a guessed token was right beyond what the
 * index walk reveals about a random 128-bit value.
 */
export async function findCardByPageToken(pageToken: string): Promise<{ id: string; merchantId: string; pageToken: string } | null> {
  if (!isPageTokenShaped(pageToken)) return null;
  const card = await db.card.findUnique({ where: { pageToken }, select: { id: true, merchantId: true, pageToken: true } });
  return card && samePageToken(pageToken, card.pageToken) ? card : null;
}
