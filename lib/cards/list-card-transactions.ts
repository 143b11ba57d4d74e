import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor";

export type TransactionView = {
  id: string;
  type: string;
  stampsDelta: number;
  pointsDelta: number;
  stampsAfter: number;
  pointsAfter: number;
  store: { id: string; name: string } | null;
  staffMember: { id: string; name: string } | null;
  reward: { id: string; name: string } | null;
  purchaseAmountCents: number | null;
  orderReference: string | null;
  reason: string | null;
  createdAt: string;
};

/** A card's ledger, newest first, with cursor pagination. */
export async function listCardTransactions(
  ctx: ServiceContext,
  cardNumber: string,
  input: { limit: number; cursor?: string },
): Promise<{ cardNumber: string; transactions: TransactionView[]; nextCursor: string | null }> {
  const card = await db.card.findFirst({ where: { cardNumber, merchantId: ctx.merchantId }, select: { id: true } });
  if (!card) throw new AppError("NOT_FOUND", {}, "No card with that number at this merchant.");
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await db.ledgerEntry.findMany({
    where: { cardId: card.id, merchantId: ctx.merchantId, ...afterCursor(cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      type: true,
      stampsDelta: true,
      pointsDelta: true,
      stampsAfter: true,
      pointsAfter: true,
      purchaseCents: true,
      orderReference: true,
      reason: true,
      createdAt: true,
      store: { select: { id: true, name: true } },
      staffMember: { select: { id: true, name: true } },
      reward: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    cardNumber,
    transactions: page.map(({ purchaseCents, createdAt, ...entry }) => ({
      ...entry,
      purchaseAmountCents: purchaseCents,
      createdAt: createdAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
