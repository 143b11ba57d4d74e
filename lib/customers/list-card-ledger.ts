import "server-only";
import { afterCursor, encodeCursor } from "@/lib/cards/cursor";
import { db } from "@/lib/db";
import type { LedgerEntryType } from "@/lib/db/generated/enums";
import type { ServiceContext } from "@/lib/service-context";
import { lenientCursor } from "./lenient-cursor";

export const LEDGER_PAGE_SIZE = 20;

export type LedgerRow = {
  id: string;
  at: Date;
  type: LedgerEntryType;
  stampsDelta: number;
  pointsDelta: number;
  stampsAfter: number;
  pointsAfter: number;
  store: string | null;
  /** Who made the change: a staff member at the counter, a dashboard user, or an API key. */
  by: { kind: "staff"; name: string } | { kind: "user"; name: string } | { kind: "apiKey"; name: string } | null;
  reward: string | null;
  purchaseCents: number | null;
  orderReference: string | null;
  reason: string | null;
};

export type LedgerPage = { rows: LedgerRow[]; nextCursor: string | null };

/**
 * A card's ledger for the dashboard, newest first, a keyset page at a time
 * (the (card_id, created_at) index). The card id comes from getCustomerCard,
 * and the merchant scopes the query again.
 */
export async function listCardLedger(ctx: ServiceContext, cardId: string, after?: string): Promise<LedgerPage> {
  const rows = await db.ledgerEntry.findMany({
    where: { cardId, merchantId: ctx.merchantId, ...afterCursor(lenientCursor(after)) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LEDGER_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      type: true,
      stampsDelta: true,
      pointsDelta: true,
      stampsAfter: true,
      pointsAfter: true,
      purchaseCents: true,
      orderReference: true,
      reason: true,
      store: { select: { name: true } },
      staffMember: { select: { name: true } },
      user: { select: { name: true, email: true } },
      apiKey: { select: { name: true, prefix: true } },
      reward: { select: { name: true } },
    },
  });
  const page = rows.slice(0, LEDGER_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      id: row.id,
      at: row.createdAt,
      type: row.type,
      stampsDelta: row.stampsDelta,
      pointsDelta: row.pointsDelta,
      stampsAfter: row.stampsAfter,
      pointsAfter: row.pointsAfter,
      store: row.store?.name ?? null,
      by: row.staffMember
        ? { kind: "staff", name: row.staffMember.name }
        : row.user
          ? { kind: "user", name: row.user.name ?? row.user.email }
          : row.apiKey
            ? { kind: "apiKey", name: `${row.apiKey.name} (${row.apiKey.prefix}…)` }
            : null,
      reward: row.reward?.name ?? null,
      purchaseCents: row.purchaseCents,
      orderReference: row.orderReference,
      reason: row.reason,
    })),
    nextCursor: rows.length > LEDGER_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}
