import "server-only";
import { findCardPage } from "@/lib/customers/find-card-page";
import { parseSearchTerms } from "@/lib/customers/search-terms";
import { db } from "@/lib/db";
import type { ServiceContext } from "@/lib/service-context";
import { CARD_VIEW_SELECT, toCardView, type CardView } from "./card-view";
import { decodeCursor, encodeCursor } from "./cursor";
import { loadProgramForView } from "./load-program-for-view";

export type ListCardsInput = { query?: string; limit: number; cursor?: string };
export type CardPage = { cards: CardView[]; nextCursor: string | null };

/**
 * The merchant's cards, newest first, optionally searched by name, email,
 * phone or card number: the same bounded search as the dashboard's Customers
 * page (lib/customers/find-card-page.ts). A page may hold fewer cards than
 * `limit` while `nextCursor` is set: keep following it until it is null.
 */
export async function listCards(ctx: ServiceContext, input: ListCardsInput): Promise<CardPage> {
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const [page, program] = await Promise.all([
    findCardPage(ctx, { terms: parseSearchTerms(input.query), filters: {}, cursor, limit: input.limit }),
    loadProgramForView(ctx.merchantId),
  ]);
  const rows = page.cards.length
    ? await db.card.findMany({
        where: { id: { in: page.cards.map((card) => card.id) }, merchantId: ctx.merchantId },
        select: CARD_VIEW_SELECT,
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    cards: page.cards.flatMap(({ id }) => {
      const row = byId.get(id);
      return row ? [toCardView(row, program)] : [];
    }),
    nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
  };
}
