import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from "pure-rand";
import { FIRST_NAMES, LAST_NAMES } from "./demo-people";

/**
 * The large demo: one chain with 100,000 cards and 1,000,000 ledger rows, for
 * the dashboard benchmark and for trying the dashboard at scale. Pure and
 * seeded: the same data on every machine for the same `now`. Each card's
 * history follows the hybrid program's rules (no stamp on a full card, a
 * full card redeemed, points spent only when the balance covers the reward),
 * so balances are exactly the sum of the ledger.
 */

export const LARGE_CARDS = 100_000;
export const LARGE_LEDGER_ROWS = 1_000_000;
export const LARGE_STAMPS_TARGET = 10;
export const LARGE_STORES = 8;
export const LARGE_STAFF_PER_STORE = 3;
export const LARGE_REWARD_COSTS = [100, 250, 500, 1000] as const;
const HISTORY_DAYS = 400;
const DAY_MS = 86_400_000;

export type LargeEntry = {
  at: Date;
  type: "stamp_earned" | "stamp_reward_redeemed" | "points_earned" | "points_redeemed";
  stampsDelta: number;
  pointsDelta: number;
  stampsAfter: number;
  pointsAfter: number;
  storeIndex: number;
  staffIndex: number;
  purchaseCents: number | null;
  rewardIndex: number | null;
};

export type LargeCard = {
  name: string;
  email: string | null;
  phone: string | null;
  locale: "en" | "fr" | "de" | "lb";
  emailConsent: boolean;
  enrolledAt: Date;
  enrolledStoreIndex: number;
  entries: LargeEntry[];
};

/** How many ledger rows each card gets: 1 to 19, 10 on average, exactly LARGE_LEDGER_ROWS in all. */
export function entryCounts(seed = 7): number[] {
  const rng = xoroshiro128plus(seed);
  const counts = Array.from({ length: LARGE_CARDS }, () => LARGE_LEDGER_ROWS / LARGE_CARDS);
  // Pairs trade rows, so the total never changes.
  for (let index = 0; index + 1 < LARGE_CARDS; index += 2) {
    const shift = unsafeUniformIntDistribution(0, 9, rng);
    counts[index]! += shift;
    counts[index + 1]! -= shift;
  }
  return counts;
}

function asciiLocalPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

/** Card number `index` of the chain, with `entryCount` ledger rows. */
export function generateLargeCard(index: number, entryCount: number, now: Date, rng: RandomGenerator = xoroshiro128plus(index)): LargeCard {
  const int = (from: number, to: number) => unsafeUniformIntDistribution(from, to, rng);
  const chance = (probability: number) => int(0, 9_999) < probability * 10_000;
  const first = FIRST_NAMES[int(0, FIRST_NAMES.length - 1)]!;
  const last = LAST_NAMES[int(0, LAST_NAMES.length - 1)]!;
  const hasEmail = chance(0.8);
  const locales = ["fr", "fr", "de", "lb", "lb", "en"] as const;

  // Enrolled any time in the last 400 days; a quarter of the cards went quiet more than 30 days ago.
  const enrolledAt = new Date(now.getTime() - int(1, HISTORY_DAYS) * DAY_MS + int(8 * 3600, 19 * 3600) * 1000);
  const quiet = chance(0.25);
  const latest = now.getTime() - entryCount * 1_000;
  const end = quiet ? Math.max(enrolledAt.getTime() + 60_000, latest - int(31, 120) * DAY_MS) : latest - int(0, 29) * DAY_MS;
  const span = Math.max(60_000 * entryCount, end - enrolledAt.getTime());
  const times = Array.from(
    { length: entryCount },
    () => enrolledAt.getTime() + 60_000 + Math.floor((int(0, 1_000_000) / 1_000_000) * span),
  ).sort((a, b) => a - b);
  const homeStore = int(0, LARGE_STORES - 1);

  let stamps = 0;
  let points = 0;
  let previous = enrolledAt.getTime();
  const entries: LargeEntry[] = times.map((time) => {
    // Strictly increasing times, as the engine dates them.
    const at = new Date(Math.max(time, previous + 1_000));
    previous = at.getTime();
    const storeIndex = chance(0.8) ? homeStore : int(0, LARGE_STORES - 1);
    const staffIndex = storeIndex * LARGE_STAFF_PER_STORE + int(0, LARGE_STAFF_PER_STORE - 1);
    const base = { at, storeIndex, staffIndex, purchaseCents: null, rewardIndex: null };
    if (stamps >= LARGE_STAMPS_TARGET && chance(0.8)) {
      stamps -= LARGE_STAMPS_TARGET;
      return {
        ...base,
        type: "stamp_reward_redeemed",
        stampsDelta: -LARGE_STAMPS_TARGET,
        pointsDelta: 0,
        stampsAfter: stamps,
        pointsAfter: points,
      };
    }
    const affordable = LARGE_REWARD_COSTS.findLastIndex((cost) => cost <= points);
    if (affordable >= 0 && chance(0.15)) {
      const rewardIndex = int(0, affordable);
      points -= LARGE_REWARD_COSTS[rewardIndex]!;
      return {
        ...base,
        type: "points_redeemed",
        stampsDelta: 0,
        pointsDelta: -LARGE_REWARD_COSTS[rewardIndex]!,
        stampsAfter: stamps,
        pointsAfter: points,
        rewardIndex,
      };
    }
    if (stamps < LARGE_STAMPS_TARGET && chance(0.6)) {
      stamps += 1;
      return { ...base, type: "stamp_earned", stampsDelta: 1, pointsDelta: 0, stampsAfter: stamps, pointsAfter: points };
    }
    const purchaseCents = int(250, 6_000);
    const earned = Math.floor(purchaseCents / 100);
    points += earned;
    return { ...base, type: "points_earned", stampsDelta: 0, pointsDelta: earned, stampsAfter: stamps, pointsAfter: points, purchaseCents };
  });

  return {
    name: `${first} ${last}`,
    email: hasEmail ? `${asciiLocalPart(first)}.${asciiLocalPart(last)}.${index}@example.lu` : null,
    phone: chance(0.5) ? `+3526${String(21_000_000 + index).padStart(8, "0")}` : null,
    locale: locales[int(0, locales.length - 1)]!,
    emailConsent: hasEmail && chance(0.45),
    enrolledAt,
    enrolledStoreIndex: homeStore,
    entries,
  };
}
