import "server-only";
import { encodeCursor } from "@/lib/cards/cursor";
import { loadProgramForView } from "@/lib/cards/load-program-for-view";
import { db } from "@/lib/db";
import { usesPoints, usesStamps, type ProgramType } from "@/lib/domain/program-features";
import { isAppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { lenientCursor } from "./lenient-cursor";
import { findCardPage, type CardFilters } from "./find-card-page";
import type { CustomerListQuery } from "./schemas";
import { parseSearchTerms } from "./search-terms";

export const CUSTOMERS_PAGE_SIZE = 25;
export const INACTIVE_DAYS = 30;

export type CustomerListRow = {
  cardNumber: string;
  /** Null for an erased customer: the card stays, nothing about the person does. */
  person: { name: string | null; email: string | null; phone: string | null; emailConsent: boolean } | null;
  stampCount: number;
  pointsBalance: number;
  rewardAvailable: boolean;
  lastActivityAt: Date | null;
  enrolledAt: Date;
};

export type CustomerList = {
  /** Null until the merchant sets up a program (no card can exist before). */
  program: { type: ProgramType; stampsTarget: number } | null;
  rows: CustomerListRow[];
  /** The `after` parameter of the next page, or null on the last one. */
  nextCursor: string | null;
  /** Fewer matches than a page, but cards enrolled before `scannedTo` are still to be looked through. */
  partial: boolean;
  scannedTo: Date | null;
  /** A search or a filter is on. */
  narrowed: boolean;
  /** Every card of the merchant, from the statistics summary (no count over the cards). */
  totalCards: number;
};

/** The Customers page: a page of the merchant's cards with their customers, searched and filtered. */
export async function listCustomers(ctx: ServiceContext, query: CustomerListQuery): Promise<CustomerList> {
  const program = await loadProgramForView(ctx.merchantId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!program) {
    return { program: null, rows: [], nextCursor: null, partial: false, scannedTo: null, narrowed: false, totalCards: 0 };
  }
  const filters: CardFilters = {
    rewardAvailable: query.reward
      ? {
          stampsTarget: usesStamps(program.type) ? program.stampsTarget : null,
          cheapestRewardCost: usesPoints(program.type) ? program.cheapestRewardCost : null,
        }
      : undefined,
    inactiveSince: query.inactive ? new Date(ctx.clock.now().getTime() - INACTIVE_DAYS * 86_400_000) : undefined,
    emailConsent: query.consent,
  };
  const terms = parseSearchTerms(query.q);
  const [page, totals] = await Promise.all([
    findCardPage(ctx, { terms, filters, cursor: lenientCursor(query.after), limit: CUSTOMERS_PAGE_SIZE }),
    db.$queryRaw<{ cards: bigint }[]>`
      SELECT COALESCE(SUM(cards), 0)::bigint AS cards FROM card_activity_days WHERE merchant_id = ${ctx.merchantId}::uuid`,
  ]);
  const cards = page.cards.length
    ? await db.card.findMany({
        where: { id: { in: page.cards.map((card) => card.id) }, merchantId: ctx.merchantId },
        select: {
          id: true,
          cardNumber: true,
          stampCount: true,
          pointsBalance: true,
          lastActivityAt: true,
          createdAt: true,
          customer: { select: { name: true, email: true, phone: true, emailConsent: true, erasedAt: true } },
        },
      })
    : [];
  const byId = new Map(cards.map((card) => [card.id, card]));
  const rows = page.cards.flatMap(({ id }) => {
    const card = byId.get(id);
    if (!card) return [];
    const { customer } = card;
    return [
      {
        cardNumber: card.cardNumber,
        person: customer.erasedAt
          ? null
          : { name: customer.name, email: customer.email, phone: customer.phone, emailConsent: customer.emailConsent },
        stampCount: card.stampCount,
        pointsBalance: card.pointsBalance,
        rewardAvailable:
          (usesStamps(program.type) && card.stampCount >= program.stampsTarget) ||
          (usesPoints(program.type) && program.cheapestRewardCost !== null && card.pointsBalance >= program.cheapestRewardCost),
        lastActivityAt: card.lastActivityAt,
        enrolledAt: card.createdAt,
      },
    ];
  });
  return {
    program: { type: program.type, stampsTarget: program.stampsTarget },
    rows,
    nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
    partial: page.partial,
    scannedTo: page.partial && page.nextCursor ? page.nextCursor.createdAt : null,
    narrowed: terms.kind !== "none" || Boolean(query.reward || query.inactive || query.consent),
    totalCards: Number(totals[0]?.cards ?? 0),
  };
}
