import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The card a web-card token opens: { id, merchantId } or null. The token is
 * the page's bearer secret (random, unguessable). It is looked up through its
 * unique index and then compared in constant time, so the answer's timing
 * does not depend on how much of a guessed token was right beyond what the
 * index walk reveals about a random 128-bit value.
 */
export async function findCardByPageToken(pageToken: string): Promise<{ id: string; merchantId: string; pageToken: string } | null> {
  if (!TOKEN_PATTERN.test(pageToken)) return null;
  const card = await db.card.findUnique({ where: { pageToken }, select: { id: true, merchantId: true, pageToken: true } });
  if (!card) return null;
  const given = Buffer.from(pageToken);
  const stored = Buffer.from(card.pageToken);
  return given.length === stored.length && timingSafeEqual(given, stored) ? card : null;
}
