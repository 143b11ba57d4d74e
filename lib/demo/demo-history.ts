import { TZDate } from "@date-fns/tz";
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from "pure-rand";
import { FIRST_NAMES, LAST_NAMES, STAFF, STORES } from "./demo-people";

/**
 * The demo café's customers and sixty days of visits, generated from a fixed
 * seed: the same data on every machine for the same day. Pure: no database,
 * time passed in. Visits follow the program's rules (one stamp per visit,
 * opening hours, a full card is redeemed on the next visit), so balances are
 * exactly the sum of the ledger.
 */

export const DEMO_TIME_ZONE = "Europe/Luxembourg";
export const DEMO_STAMPS_TARGET = 10;
const HISTORY_DAYS = 60;
const CUSTOMER_COUNT = 50;

export type DemoVisit = {
  at: Date;
  storeIndex: number;
  staffIndex: number;
  kind: "stamp" | "redeem";
  stampsAfter: number;
};

export type DemoCustomer = {
  name: string;
  email: string | null;
  phone: string | null;
  birthday: Date | null;
  locale: "en" | "fr" | "de" | "lb";
  emailConsent: boolean;
  enrolledAt: Date;
  enrolledStoreIndex: number;
  visits: DemoVisit[];
};

function random(rng: RandomGenerator) {
  const int = (from: number, to: number) => unsafeUniformIntDistribution(from, to, rng);
  return {
    int,
    chance: (probability: number) => int(0, 9_999) < probability * 10_000,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
  };
}

function asciiLocalPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

export function generateDemoHistory(now: Date, seed = 20_26): DemoCustomer[] {
  const r = random(xoroshiro128plus(seed));
  const today = new TZDate(now, DEMO_TIME_ZONE);
  const localTime = (daysAgo: number, hour: number, minute: number) =>
    new Date(
      new TZDate(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo, hour, minute, r.int(0, 59), DEMO_TIME_ZONE).getTime(),
    );
  const staffAt = (storeIndex: number) => {
    const candidates = STAFF.map((member, index) => ({ member, index })).filter(({ member }) =>
      (member.stores as readonly number[]).includes(storeIndex),
    );
    return r.pick(candidates).index;
  };

  const customers: DemoCustomer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
    const hasEmail = r.chance(0.75);
    const homeStore = r.chance(0.6) ? 0 : 1;
    // A third are regulars (most days), the rest come now and then.
    const visitsPerWeek = r.chance(0.3) ? r.int(30, 60) / 10 : r.int(3, 25) / 10;
    const enrolledDaysAgo = i < 12 ? HISTORY_DAYS : r.int(0, HISTORY_DAYS);

    const visits: DemoVisit[] = [];
    let stamps = 0;
    for (let daysAgo = enrolledDaysAgo; daysAgo >= 0; daysAgo--) {
      const firstDay = daysAgo === enrolledDaysAgo;
      if (!firstDay && !r.chance(visitsPerWeek / 7)) continue;
      const at = localTime(daysAgo, r.int(7, 18), r.int(0, 59));
      if (at.getTime() > now.getTime()) continue;
      const storeIndex = r.chance(0.8) ? homeStore : 1 - homeStore;
      const staffIndex = staffAt(storeIndex);
      if (stamps >= DEMO_STAMPS_TARGET) {
        stamps -= DEMO_STAMPS_TARGET;
        visits.push({ at, storeIndex, staffIndex, kind: "redeem", stampsAfter: stamps });
      } else {
        stamps += 1;
        visits.push({ at, storeIndex, staffIndex, kind: "stamp", stampsAfter: stamps });
      }
    }
    // Someone enrolled today after the last opening hour still enrolled: at least one visit.
    if (visits.length === 0) {
      const at = new Date(now.getTime() - 60_000);
      visits.push({ at, storeIndex: homeStore, staffIndex: staffAt(homeStore), kind: "stamp", stampsAfter: 1 });
    }

    const email = hasEmail ? `${asciiLocalPart(first)}.${asciiLocalPart(last)}.${i + 1}@example.com` : null;
    customers.push({
      name: `${first} ${last}`,
      email,
      phone: r.chance(0.4) ? `+3526${r.int(21, 91)}${r.int(100, 999)}${r.int(100, 999)}` : null,
      birthday: r.chance(0.3) ? new Date(Date.UTC(r.int(1950, 2006), r.int(0, 11), r.int(1, 28))) : null,
      locale: r.pick(["fr", "fr", "fr", "lb", "lb", "de", "de", "en", "en", "en"] as const),
      emailConsent: email !== null && r.chance(0.6),
      enrolledAt: new Date(visits[0]!.at.getTime() - 60_000),
      enrolledStoreIndex: visits[0]!.storeIndex,
      visits,
    });
  }
  return customers;
}

/** The merchant-local calendar day of an instant, as a UTC-midnight Date (a Postgres `date`). */
export function localDay(at: Date, timeZone: string): Date {
  const local = new TZDate(at, timeZone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

export { STAFF, STORES };
