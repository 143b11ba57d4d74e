import "server-only";
import { db } from "@/lib/db";
import { findCardPage } from "@/lib/customers/find-card-page";
import { parseSearchTerms } from "@/lib/customers/search-terms";
import type { ServiceContext } from "@/lib/service-context";
import { firstNameOf, type CounterSearchHit } from "./counter-views";

export const COUNTER_SEARCH_LIMIT = 8;

/**
 * The merchant's cards matching a name, email or phone (the dashboard's search), for a customer
 * without their phone. A tablet shows little: a first name and a masked hint to tell namesakes apart.
 */
export async function searchCounterCards(ctx: ServiceContext, query: string): Promise<CounterSearchHit[]> {
  const terms = parseSearchTerms(query);
  if (terms.kind === "none") return [];
  const page = await findCardPage(ctx, { terms, filters: {}, limit: COUNTER_SEARCH_LIMIT });
  if (page.cards.length === 0) return [];
  const cards = await db.card.findMany({
    where: { id: { in: page.cards.map((card) => card.id) }, merchantId: ctx.merchantId },
    select: {
      id: true,
      cardNumber: true,
      stampCount: true,
      pointsBalance: true,
      customer: { select: { name: true, email: true, phone: true, erasedAt: true } },
    },
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  return page.cards.flatMap(({ id }) => {
    const card = byId.get(id);
    if (!card || card.customer.erasedAt) return [];
    const { name, email, phone } = card.customer;
    return [
      {
        cardNumber: card.cardNumber,
        firstName: firstNameOf(name),
        hint: maskHint(name, email, phone),
        stampCount: card.stampCount,
        pointsBalance: card.pointsBalance,
      },
    ];
  });
}

/** "M. Schmit · j•••@example.com" or "M. Schmit · •••• 3456": enough to choose, not to copy. */
function maskHint(name: string | null, email: string | null, phone: string | null): string | null {
  const words = name?.trim().split(/\s+/) ?? [];
  const initial =
    words.length > 1
      ? `${words
          .slice(1)
          .map((word) => `${word[0]}.`)
          .join(" ")}`
      : null;
  const contact = email ? `${email[0]}•••@${email.split("@")[1] ?? ""}` : phone ? `•••• ${phone.replace(/\D/g, "").slice(-4)}` : null;
  return [initial, contact].filter(Boolean).join(" · ") || null;
}
