import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

export type LedgerMismatch = {
  cardId: string;
  cardNumber: string;
  merchantId: string;
  problem: "balance" | "chain";
  detail: string;
};

/**
 * Recomputes every card's balances from its ledger and checks them against
 * the card, and checks that each entry's "after" balances follow from the
 * previous entry and its deltas. Scans the whole ledger: a maintenance
 * command, never on a request path.
 */
export async function verifyLedger(prisma: PrismaClient): Promise<{ cards: number; entries: number; mismatches: LedgerMismatch[] }> {
  const balances = await prisma.$queryRaw<
    { cardId: string; cardNumber: string; merchantId: string; stampCount: number; pointsBalance: number; stamps: bigint; points: bigint }[]
  >`
    SELECT c.id AS "cardId", c.card_number AS "cardNumber", c.merchant_id AS "merchantId", c.stamp_count AS "stampCount",
           c.points_balance AS "pointsBalance", COALESCE(SUM(l.stamps_delta), 0)::bigint AS stamps, COALESCE(SUM(l.points_delta), 0)::bigint AS points
    FROM cards c LEFT JOIN ledger_entries l ON l.card_id = c.id
    GROUP BY c.id
    HAVING c.stamp_count <> COALESCE(SUM(l.stamps_delta), 0) OR c.points_balance <> COALESCE(SUM(l.points_delta), 0)`;
  const chains = await prisma.$queryRaw<
    {
      cardId: string;
      cardNumber: string;
      merchantId: string;
      entryId: string;
      expectedStamps: bigint;
      stampsAfter: number;
      expectedPoints: bigint;
      pointsAfter: number;
    }[]
  >`
    SELECT l.card_id AS "cardId", c.card_number AS "cardNumber", c.merchant_id AS "merchantId", l.id AS "entryId",
           SUM(l.stamps_delta) OVER w AS "expectedStamps", l.stamps_after AS "stampsAfter",
           SUM(l.points_delta) OVER w AS "expectedPoints", l.points_after AS "pointsAfter"
    FROM ledger_entries l JOIN cards c ON c.id = l.card_id
    WINDOW w AS (PARTITION BY l.card_id ORDER BY l.created_at, l.id ROWS UNBOUNDED PRECEDING)`;
  const [counts] = await prisma.$queryRaw<{ cards: bigint; entries: bigint }[]>`
    SELECT (SELECT count(*) FROM cards)::bigint AS cards, (SELECT count(*) FROM ledger_entries)::bigint AS entries`;

  const mismatches: LedgerMismatch[] = balances.map((row) => ({
    cardId: row.cardId,
    cardNumber: row.cardNumber,
    merchantId: row.merchantId,
    problem: "balance",
    detail: `card holds ${row.stampCount} stamps / ${row.pointsBalance} points, ledger sums to ${row.stamps} / ${row.points}`,
  }));
  for (const row of chains) {
    if (Number(row.expectedStamps) !== row.stampsAfter || Number(row.expectedPoints) !== row.pointsAfter) {
      mismatches.push({
        cardId: row.cardId,
        cardNumber: row.cardNumber,
        merchantId: row.merchantId,
        problem: "chain",
        detail: `entry ${row.entryId} says ${row.stampsAfter} stamps / ${row.pointsAfter} points after, the entries up to it sum to ${row.expectedStamps} / ${row.expectedPoints}`,
      });
    }
  }
  return { cards: Number(counts!.cards), entries: Number(counts!.entries), mismatches };
}
