import "server-only";
import { addDays, localDayOf } from "@/lib/domain/local-day";
import type { ServiceContext } from "@/lib/service-context";
import { readMerchantFacts, type MerchantFacts } from "./read-merchant-facts";

export type Liability = {
  /** Stamp-card rewards earned and not redeemed yet (a card with 23 stamps at a target of 10 holds 2). */
  stampRewardsAvailable: number;
  /** Cards holding at least one such reward. */
  cardsWithStampReward: number;
  /** Stamps on all cards, toward rewards not reached yet included. */
  stampsOutstanding: number;
  /** Points on all cards, not spent or expired. */
  pointsOutstanding: number;
};

/**
 * What the merchant owes its customers, from the summaries kept by the
 * statistics worker (card_stamp_counts: one row per stamp count in use;
 * points_outstanding: one row), never from the cards themselves.
 */
export async function getLiability(ctx: ServiceContext): Promise<Liability> {
  const today = localDayOf(ctx.clock.now(), "UTC");
  return liabilityOf(await readMerchantFacts(ctx.merchantId, addDays(today, -29)));
}

/** Counted against the program's current target, so a changed target is reflected at once. */
export function liabilityOf({
  program,
  stampCounts,
  pointsOutstanding,
}: Pick<MerchantFacts, "program" | "stampCounts" | "pointsOutstanding">): Liability {
  const target = Math.max(1, program?.stampsTarget ?? 1);
  let stampRewardsAvailable = 0;
  let cardsWithStampReward = 0;
  let stampsOutstanding = 0;
  for (const row of stampCounts) {
    const rewards = Math.floor(row.stampCount / target);
    stampRewardsAvailable += rewards * row.cards;
    if (rewards > 0) cardsWithStampReward += row.cards;
    stampsOutstanding += row.stampCount * row.cards;
  }
  return { stampRewardsAvailable, cardsWithStampReward, stampsOutstanding, pointsOutstanding };
}
