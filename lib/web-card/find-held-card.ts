import "server-only";
import { db } from "@/lib/db";

/**
 * Of the cards this phone holds (page tokens from its cookie), the one at
 * this merchant whose customer was not erased, if any: the store's QR page
 * then offers "Collect a stamp here" instead of a second enrollment.
 */
export async function findHeldCard(merchantId: string, pageTokens: string[]): Promise<{ pageToken: string } | null> {
  if (pageTokens.length === 0) return null;
  const cards = await db.card.findMany({
    where: { merchantId, pageToken: { in: pageTokens }, customer: { erasedAt: null } },
    select: { pageToken: true },
  });
  const held = new Set(cards.map((card) => card.pageToken));
  const first = pageTokens.find((token) => held.has(token));
  return first ? { pageToken: first } : null;
}
