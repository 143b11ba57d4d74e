import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { validationError } from "@/lib/http/zod-problem";
import type { ServiceContext } from "@/lib/service-context";
import { eurosCell, localTimestampCell, textCell, type CsvCell } from "./cells";
import { csvStream, EXPORT_BATCH_SIZE, keysetPages } from "./csv-stream";
import { localDayRange } from "./local-day-range";
import { merchantTimeZone } from "./merchant-time-zone";
import { transactionsExportRangeSchema, type TransactionsExportRange } from "./schemas";

export const TRANSACTIONS_CSV_COLUMNS = [
  "transaction_id",
  "created_at",
  "type",
  "card_number",
  "stamps_delta",
  "points_delta",
  "stamps_after",
  "points_after",
  "store",
  "staff_member",
  "purchase_amount",
  "order_reference",
  "reward",
  "reason",
] as const;

type EntryRow = {
  id: string;
  createdAt: Date;
  type: string;
  cardNumber: string;
  stampsDelta: number;
  pointsDelta: number;
  stampsAfter: number;
  pointsAfter: number;
  store: string | null;
  staffMember: string | null;
  purchaseCents: number | null;
  orderReference: string | null;
  reward: string | null;
  reason: string | null;
};

/**
 * The merchant's ledger entries of the calendar days `from` to `to` (both
 * included, in the merchant's time zone), oldest first, as a CSV stream (see
 * csvStream). The range is checked here too, before anything is streamed,
 * so a bad range is a VALIDATION_FAILED error rather than a broken download.
 */
export function exportTransactionsCsv(ctx: ServiceContext, range: TransactionsExportRange): ReadableStream<Uint8Array> {
  const checked = transactionsExportRangeSchema.safeParse(range);
  if (!checked.success) throw validationError(checked.error, "query");
  return csvStream(TRANSACTIONS_CSV_COLUMNS, transactionRecords(ctx, checked.data));
}

async function* transactionRecords(ctx: ServiceContext, range: TransactionsExportRange): AsyncGenerator<CsvCell[][]> {
  const timeZone = await merchantTimeZone(ctx);
  const bounds = localDayRange(range, timeZone);
  for await (const rows of keysetPages((after: EntryRow | undefined) => readEntries(ctx.merchantId, bounds, after))) {
    yield rows.map((row) => transactionRecord(row, timeZone));
  }
}

/** One page of entries in [start, end) after `after` in (created_at, id) order. */
function readEntries(merchantId: string, bounds: { start: Date; end: Date }, after: EntryRow | undefined): Promise<EntryRow[]> {
  // ISO strings with an explicit zone: the bounds are the same instants whatever the session's TimeZone.
  const afterClause = after
    ? Prisma.sql`AND (l.created_at, l.id) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  // Every joined row must belong to the same merchant as the entry, which belongs to this merchant.
  return db.$queryRaw<EntryRow[]>`
    SELECT l.id, l.created_at AS "createdAt", l.type::text AS type, c.card_number AS "cardNumber",
           l.stamps_delta AS "stampsDelta", l.points_delta AS "pointsDelta",
           l.stamps_after AS "stampsAfter", l.points_after AS "pointsAfter",
           s.name AS store, sm.name AS "staffMember", l.purchase_cents AS "purchaseCents",
           l.order_reference AS "orderReference", r.name AS reward, l.reason
    FROM ledger_entries l
    JOIN cards c ON c.id = l.card_id AND c.merchant_id = l.merchant_id
    LEFT JOIN stores s ON s.id = l.store_id AND s.merchant_id = l.merchant_id
    LEFT JOIN staff_members sm ON sm.id = l.staff_member_id AND sm.merchant_id = l.merchant_id
    LEFT JOIN rewards r ON r.id = l.reward_id AND r.merchant_id = l.merchant_id
    WHERE l.merchant_id = ${merchantId}::uuid
      AND l.created_at >= ${bounds.start.toISOString()}::timestamptz
      AND l.created_at < ${bounds.end.toISOString()}::timestamptz
      ${afterClause}
    ORDER BY l.created_at, l.id
    LIMIT ${EXPORT_BATCH_SIZE}`;
}

function transactionRecord(row: EntryRow, timeZone: string): CsvCell[] {
  return [
    row.id,
    localTimestampCell(row.createdAt, timeZone),
    row.type,
    textCell(row.cardNumber),
    row.stampsDelta,
    row.pointsDelta,
    row.stampsAfter,
    row.pointsAfter,
    textCell(row.store),
    textCell(row.staffMember),
    eurosCell(row.purchaseCents),
    textCell(row.orderReference),
    textCell(row.reward),
    textCell(row.reason),
  ];
}
