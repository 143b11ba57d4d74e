import "server-only";
import { db } from "@/lib/db";
import type { ProgramType } from "@/lib/domain/program-features";
import { AppError } from "@/lib/errors";
import type { CounterContext } from "./counter-context";

/**
 * The counter's rules change rarely and are read on every stamp: they are
 * kept for a few seconds per merchant and store. A change made through this
 * process evicts them at once (forgetCounterContexts); other app instances
 * use the new rules within COUNTER_CONTEXT_TTL_MS.
 *
 * Only the rules are cached, never a card's state: the daily limit, cooldown
 * and target are applied to the card row read under its lock (or by the
 * stamp_card function in one statement), so with several instances a card
 * still gets exactly its limit (test/system/scale-out.test.ts). A rule
 * changed through another instance applies here within the TTL; a stamp
 * decided meanwhile follows the rules as they were a few seconds earlier.
 */
export const COUNTER_CONTEXT_TTL_MS = 5_000;
// On globalThis: Next loads this module once per route bundle in the same
// process, and a change made by a dashboard action must evict what the API's
// route handlers read.
const globalForCounter = globalThis as { __loyaltyCounterContexts?: Map<string, { context: CounterContext; until: number }> };
const cache = (globalForCounter.__loyaltyCounterContexts ??= new Map());

export function forgetCounterContexts(merchantId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${merchantId}:`)) cache.delete(key);
}

type Row = { timeZone: string; storeId: string | null; storeArchived: boolean | null; programId: string | null } & Omit<
  CounterContext["program"],
  "id"
>;

/** The merchant's time zone and program, and an open store of the merchant; NOT_FOUND otherwise. */
export async function getCounterContext(merchantId: string, storeId: string, now: number): Promise<CounterContext> {
  const key = `${merchantId}:${storeId}`;
  const cached = cache.get(key);
  if (cached && cached.until > now) return cached.context;
  const rows = await db.$queryRaw<Row[]>`
    SELECT m.time_zone AS "timeZone", s.id AS "storeId", (s.archived_at IS NOT NULL) AS "storeArchived",
           p.id AS "programId", p.type::text AS type, p.active, p.stamps_target AS "stampsTarget",
           p.stamps_reward_description AS "stampsRewardDescription", p.cooldown_minutes AS "cooldownMinutes",
           p.max_daily_stamps AS "maxDailyStamps", p.points_per_euro AS "pointsPerEuro",
           p.max_purchase_cents AS "maxPurchaseCents", p.require_staff_pin AS "requireStaffPin"
    FROM merchants m
    LEFT JOIN programs p ON p.merchant_id = m.id
    LEFT JOIN stores s ON s.id = ${storeId}::uuid AND s.merchant_id = m.id
    WHERE m.id = ${merchantId}::uuid`;
  const row = rows[0];
  if (!row?.storeId || row.storeArchived) {
    throw new AppError("NOT_FOUND", { fieldErrors: { storeId: ["validation.storeNotFound"] } }, "Store not found.");
  }
  if (!row.programId) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet: create one first.");
  const { timeZone, storeId: foundStore, programId, storeArchived: _archived, type, ...rules } = row;
  const context: CounterContext = { timeZone, storeId: foundStore, program: { id: programId, type: type as ProgramType, ...rules } };
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { context, until: now + COUNTER_CONTEXT_TTL_MS });
  return context;
}
