import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { normalizeCardNumber } from "@/lib/domain/card-number";
import { normalizePhone } from "@/lib/domain/phone";
import type { ServiceContext } from "@/lib/service-context";
import { CARD_VIEW_SELECT, toCardView, type CardView } from "./card-view";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor";
import { loadProgramForView } from "./load-program-for-view";

export type ListCardsInput = { query?: string; limit: number; cursor?: string };
export type CardPage = { cards: CardView[]; nextCursor: string | null };

/** The merchant's cards, newest first, optionally searched by name, email, phone or card number. */
export async function listCards(ctx: ServiceContext, input: ListCardsInput): Promise<CardPage> {
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const search = searchCondition(input.query);
  const [rows, program] = await Promise.all([
    db.card.findMany({
      where: { merchantId: ctx.merchantId, ...(search ? { AND: [search, afterCursor(cursor)] } : afterCursor(cursor)) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      select: CARD_VIEW_SELECT,
    }),
    loadProgramForView(ctx.merchantId),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    cards: page.map((row) => toCardView(row, program)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

function searchCondition(query: string | undefined): Prisma.CardWhereInput | null {
  const text = query?.trim();
  if (!text) return null;
  const digits = normalizeCardNumber(text);
  const conditions: Prisma.CardWhereInput[] = [
    { customer: { name: { contains: text, mode: "insensitive" } } },
    { customer: { email: { contains: text.toLowerCase() } } },
  ];
  const phoneDigits = normalizePhone(text).replace(/^\+/, "");
  if (/^\+?[\d\s().\-/]+$/.test(text) && phoneDigits.length >= 3) {
    conditions.push({ cardNumber: { startsWith: digits.replace(/^\+/, "") } }, { customer: { phone: { contains: phoneDigits } } });
  }
  return { OR: conditions };
}
