import "server-only";
import type { Cursor } from "@/lib/cards/cursor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { ServiceContext } from "@/lib/service-context";
import { cardNumberRange, type SearchTerms } from "./search-terms";

/**
 * One page of a merchant's cards, newest first (created_at, id), matching a
 * search and filters, read so that no query reads more than a few thousand
 * rows even at 100,000 cards. Customers have no merchant column (a customer
 * may hold cards at several merchants), so a search term's hits are counted
 * across all customers. Two ways to a page:
 *
 * - index: a selective search (a phone or card number, or words that the
 *   planner's statistics say few customers have) reads its hits through the
 *   GIN index on customers.search_vector (or the card-number index), joins
 *   their cards at this merchant, and sorts them. At most INDEX_CAP hits are
 *   read; a search with more falls back to the scan.
 * - scan: everything else (no search, filters only, common words like "ma")
 *   walks the merchant's cards newest first on the (merchant_id, created_at,
 *   id) index and keeps those that match, stopping at a full page or after
 *   SCAN_WINDOW cards. In that second case the page may hold fewer matches
 *   than asked, and `nextCursor` continues the walk where it stopped: the
 *   page is `partial`, and the person can look further.
 */

/**
 * Above this many estimated hits, a word search scans instead. The index path reads every hit (a
 * few random reads each); the scan reads about 26 × customers / hits cards for a page. They cost
 * the same near √(26 × 160,000) ≈ 2,000 hits, measured with 160,000 customers.
 */
export const INDEX_ESTIMATE_LIMIT = 2_000;
/** The index path reads at most this many hits; more means the estimate was wrong and the scan takes over. */
export const INDEX_CAP = 5_000;
/** Cards a scan looks through per page at most. */
export const SCAN_WINDOW = 5_000;

export type CardFilters = {
  /** Cards with a reward to take: stamps at the target, or points for the cheapest active reward. */
  rewardAvailable?: { stampsTarget: number | null; cheapestRewardCost: number | null };
  /** No activity (enrollment counts) since this instant. */
  inactiveSince?: Date;
  /** The customer agreed to emails (and was not erased). */
  emailConsent?: boolean;
};

export type FindCardPageInput = { terms: SearchTerms; filters: CardFilters; cursor?: Cursor; limit: number };

export type CardPageIds = {
  cards: Cursor[];
  /** Where the next page starts; null when there is nothing further. */
  nextCursor: Cursor | null;
  /** The scan stopped at its window before filling the page: more cards remain to be looked through. */
  partial: boolean;
  strategy: "index" | "scan";
};

export type FindCardPageTuning = { scanWindow?: number; indexCap?: number; indexEstimateLimit?: number };

export async function findCardPage(ctx: ServiceContext, input: FindCardPageInput, tuning: FindCardPageTuning = {}): Promise<CardPageIds> {
  const { terms } = input;
  if (terms.kind === "text" && terms.words.length === 0 && terms.emails.length === 0) {
    return { cards: [], nextCursor: null, partial: false, strategy: "index" };
  }
  const cap = tuning.indexCap ?? INDEX_CAP;
  if (
    terms.kind === "number" ||
    (terms.kind === "text" && (await estimatedHits(terms)) <= (tuning.indexEstimateLimit ?? INDEX_ESTIMATE_LIMIT))
  ) {
    const page = await indexPage(ctx.merchantId, terms, input, cap);
    if (page) return page;
  }
  return scanPage(ctx.merchantId, input, tuning.scanWindow ?? SCAN_WINDOW);
}

/** Words become prefix queries on folded words ('hel':*), emails prefix queries on the whole address. */
function textQuery(terms: Extract<SearchTerms, { kind: "text" }>): Prisma.Sql {
  const parts = [
    ...terms.words.map((word) => Prisma.sql`to_tsquery('simple', search_fold(${word}) || ':*')`),
    // parseSearchTerms kept only characters an address has, so the lexeme needs no escaping.
    ...terms.emails.map((email) => Prisma.sql`${`'${email}':*`}::tsquery`),
  ];
  return Prisma.sql`(${Prisma.join(parts, " && ")})`;
}

/** The phone's digits are stored reversed after "~": a prefix query on the reversed tail finds the number's end. */
function phoneQuery(phoneTail: string): Prisma.Sql {
  return Prisma.sql`${`'~${[...phoneTail].reverse().join("")}':*`}::tsquery`;
}

/** How many customers (of every merchant) the planner expects the words to match, from the column's statistics. */
async function estimatedHits(terms: Extract<SearchTerms, { kind: "text" }>): Promise<number> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM customers cu WHERE cu.search_vector @@ ${textQuery(terms)}`;
  const raw = rows[0]?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
  return plan?.[0]?.Plan?.["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}

/** The search as a condition on `c` (card) and `cu` (its customer); erased customers are found by card number only. */
function matchCondition(terms: SearchTerms): Prisma.Sql {
  switch (terms.kind) {
    case "none":
      return Prisma.sql`TRUE`;
    case "text":
      return Prisma.sql`(cu.search_vector @@ ${textQuery(terms)} AND cu.erased_at IS NULL)`;
    case "number": {
      const phone = Prisma.sql`(cu.search_vector @@ ${phoneQuery(terms.phoneTail)} AND cu.erased_at IS NULL)`;
      if (!terms.cardPrefix) return phone;
      const range = cardNumberRange(terms.cardPrefix);
      return Prisma.sql`(${phone} OR c.card_number BETWEEN ${range.from} AND ${range.to})`;
    }
  }
}

function filterConditions(filters: CardFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.rewardAvailable) {
    const { stampsTarget, cheapestRewardCost } = filters.rewardAvailable;
    const either = [
      ...(stampsTarget !== null ? [Prisma.sql`c.stamp_count >= ${stampsTarget}::int`] : []),
      ...(cheapestRewardCost !== null ? [Prisma.sql`c.points_balance >= ${cheapestRewardCost}::int`] : []),
    ];
    conditions.push(either.length > 0 ? Prisma.sql`(${Prisma.join(either, " OR ")})` : Prisma.sql`FALSE`);
  }
  if (filters.inactiveSince) {
    conditions.push(Prisma.sql`COALESCE(c.last_activity_at, c.created_at) < ${filters.inactiveSince.toISOString()}::timestamptz`);
  }
  if (filters.emailConsent) conditions.push(Prisma.sql`(cu.email_consent AND cu.erased_at IS NULL)`);
  return conditions;
}

function afterCursor(cursor: Cursor | undefined): Prisma.Sql {
  // ISO strings with an explicit zone: the bound is the same instant whatever the session's TimeZone.
  return cursor
    ? Prisma.sql`AND (c.created_at, c.id) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`
    : Prisma.empty;
}

function and(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

type HitRow = { id: string; createdAt: Date; hits: number };

async function indexPage(
  merchantId: string,
  terms: Exclude<SearchTerms, { kind: "none" }>,
  input: FindCardPageInput,
  cap: number,
): Promise<CardPageIds | null> {
  const filters = and(filterConditions(input.filters));
  const after = afterCursor(input.cursor);
  const customerQuery = terms.kind === "text" ? textQuery(terms) : phoneQuery(terms.phoneTail);
  const byCustomer = Prisma.sql`
    (SELECT c.id, c.created_at FROM customers cu JOIN cards c ON c.customer_id = cu.id
     WHERE cu.search_vector @@ ${customerQuery} AND cu.erased_at IS NULL AND c.merchant_id = ${merchantId}::uuid ${after} ${filters}
     LIMIT ${cap + 1})`;
  let hits = byCustomer;
  if (terms.kind === "number" && terms.cardPrefix) {
    const range = cardNumberRange(terms.cardPrefix);
    hits = Prisma.sql`${byCustomer} UNION
    (SELECT c.id, c.created_at FROM cards c JOIN customers cu ON cu.id = c.customer_id
     WHERE c.card_number BETWEEN ${range.from} AND ${range.to} AND c.merchant_id = ${merchantId}::uuid ${after} ${filters}
     LIMIT ${cap + 1})`;
  }
  // Left to itself the planner may prefer a parallel sequential scan of every customer to the GIN
  // index (its cost model for prefix queries is pessimistic, and workers look cheap), or a hash join
  // that reads every card: the index path exists to read the hits only (index lookups from each hit),
  // and starting workers costs more than these few thousand rows.
  const [, rows] = await db.$transaction([
    db.$queryRaw`
      SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
             set_config('enable_mergejoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    db.$queryRaw<HitRow[]>`
      WITH hits AS MATERIALIZED (${hits})
      SELECT id, created_at AS "createdAt", (SELECT count(*) FROM hits)::int AS hits
      FROM hits ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}`,
  ]);
  if ((rows[0]?.hits ?? 0) > cap) return null;
  const page = rows.slice(0, input.limit).map(({ id, createdAt }) => ({ id, createdAt }));
  return { cards: page, nextCursor: rows.length > input.limit ? page.at(-1)! : null, partial: false, strategy: "index" };
}

type ScanRow = { id: string; createdAt: Date; rn: number; matched: boolean };

async function scanPage(merchantId: string, input: FindCardPageInput, window: number): Promise<CardPageIds> {
  const condition = [matchCondition(input.terms), ...filterConditions(input.filters)];
  // An inactive card was enrolled before the cutoff too: the walk starts there instead of at the newest card.
  const start = input.filters.inactiveSince
    ? Prisma.sql`AND c.created_at < ${input.filters.inactiveSince.toISOString()}::timestamptz`
    : Prisma.empty;
  const matched = Prisma.join(condition, " AND ");
  // The window's last card (rn = window) comes back even when it does not match: the next scan starts after it.
  const rows = await db.$queryRaw<ScanRow[]>`
    SELECT c.id, c.created_at AS "createdAt", c.rn::int AS rn, (${matched}) AS matched
    FROM (
      SELECT c.*, row_number() OVER (ORDER BY c.created_at DESC, c.id DESC) AS rn
      FROM (
        SELECT c.id, c.created_at, c.customer_id, c.card_number, c.stamp_count, c.points_balance, c.last_activity_at
        FROM cards c
        WHERE c.merchant_id = ${merchantId}::uuid ${afterCursor(input.cursor)} ${start}
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT ${window}
      ) c
    ) c
    -- LATERAL with LIMIT 1 keeps this a lookup per walked card: a hash join would read every customer.
    CROSS JOIN LATERAL (
      SELECT cu.search_vector, cu.email_consent, cu.erased_at FROM customers cu WHERE cu.id = c.customer_id LIMIT 1
    ) cu
    WHERE (${matched}) OR c.rn = ${window}
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT ${input.limit + 1}`;
  const matches = rows.filter((row) => row.matched);
  const page = matches.slice(0, input.limit).map(({ id, createdAt }) => ({ id, createdAt }));
  if (matches.length > input.limit) return { cards: page, nextCursor: page.at(-1)!, partial: false, strategy: "scan" };
  const windowEnd = rows.find((row) => row.rn === window);
  return {
    cards: page,
    nextCursor: windowEnd ? { id: windowEnd.id, createdAt: windowEnd.createdAt } : null,
    partial: windowEnd !== undefined && page.length < input.limit,
    strategy: "scan",
  };
}
