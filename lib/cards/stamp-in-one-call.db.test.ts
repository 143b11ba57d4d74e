import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decideStamp } from "@/lib/domain/stamps";
import type { CounterContext } from "@/lib/programs/counter-context";
import { databaseKind, useTestDatabase } from "@/test/db";
import { createCard, createMerchantSetup } from "@/test/factories";
import { stampInOneCall } from "./stamp-in-one-call";

const ZONES = ["Europe/Luxembourg", "America/New_York", "Asia/Tokyo", "Pacific/Chatham"];
// Around both 2026 switches in Luxembourg, and ordinary days.
const NOWS = [
  "2026-03-29T00:30:00Z",
  "2026-03-29T01:30:00Z",
  "2026-10-25T00:30:00Z",
  "2026-10-25T01:30:00Z",
  "2026-06-15T21:59:00Z",
  "2026-01-10T23:00:00Z",
];

// #3: the one-call stamp path checks, in SQL, the guard the engine derives; it must accept exactly what decideStamp accepts.
describe(`stamp_card agrees with decideStamp (${databaseKind()})`, () => {
  const database = useTestDatabase();
  let setup: Awaited<ReturnType<typeof createMerchantSetup>>;
  let cardId = "";
  let cardNumber = "";

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma);
    const card = await createCard(database().prisma, setup.merchant, setup.program);
    cardId = card.id;
    cardNumber = card.cardNumber;
  });

  it("on generated card states, rules, days and time zones", async () => {
    const base = fc.record({
      zone: fc.constantFrom(...ZONES),
      now: fc
        .constantFrom(...NOWS)
        .chain((iso) => fc.integer({ min: -180, max: 180 }).map((minutes) => new Date(new Date(iso).getTime() + minutes * 60_000))),
      stampCount: fc.integer({ min: 0, max: 12 }),
      target: fc.integer({ min: 1, max: 12 }),
      cooldownMinutes: fc.constantFrom(0, 1, 15, 60),
      maxDailyStamps: fc.integer({ min: 1, max: 6 }),
      stampsOnDay: fc.integer({ min: 0, max: 7 }),
      // The day the counter counts: none, or some days around the local today.
      dayOffset: fc.option(fc.integer({ min: -2, max: 1 }), { nil: null }),
    });
    // The last stamp, in milliseconds before now: none, anywhere (clock skew included), or right at the cooldown's end.
    const state = base.chain((b) =>
      fc
        .option(
          fc.oneof(
            fc.integer({ min: -90 * 60, max: 30 * 60 * 60 }).map((seconds) => seconds * 1_000),
            fc.constantFrom(-1, 0, 1).map((delta) => b.cooldownMinutes * 60_000 + delta),
          ),
          { nil: null },
        )
        .map((lastStampOffsetMs) => ({ ...b, lastStampOffsetMs })),
    );
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const { prisma } = database();
        const lastStampAt = s.lastStampOffsetMs === null ? null : new Date(s.now.getTime() - s.lastStampOffsetMs);
        const localToday = new Intl.DateTimeFormat("en-CA", { timeZone: s.zone }).format(s.now);
        const stampDay = s.dayOffset === null ? null : new Date(Date.parse(`${localToday}T00:00:00Z`) + s.dayOffset * 86_400_000);
        await prisma.card.update({
          where: { id: cardId },
          data: { stampCount: s.stampCount, stampsOnDay: s.stampsOnDay, lastStampAt, stampDay },
        });
        const before = await prisma.card.findUniqueOrThrow({ where: { id: cardId } });
        const counter: CounterContext = {
          timeZone: s.zone,
          storeId: setup.store.id,
          program: {
            ...setup.program,
            type: "stamps",
            stampsTarget: s.target,
            cooldownMinutes: s.cooldownMinutes,
            maxDailyStamps: s.maxDailyStamps,
          },
        };
        const decision = decideStamp({
          card: {
            stampCount: s.stampCount,
            lastStampAt,
            stampDay: stampDay?.toISOString().slice(0, 10) ?? null,
            stampsOnDay: s.stampsOnDay,
          },
          rules: counter.program,
          now: s.now,
          timeZone: s.zone,
        });
        const call = await stampInOneCall(setup.ctx, counter, { cardNumber }, null, s.now);
        expect(call.outcome).toBe(decision.ok ? "applied" : "refused");
        const after = await prisma.card.findUniqueOrThrow({ where: { id: cardId } });
        if (decision.ok) {
          expect({
            stampCount: after.stampCount,
            stampsOnDay: after.stampsOnDay,
            stampDay: after.stampDay?.toISOString().slice(0, 10),
          }).toEqual({
            stampCount: decision.stampCount,
            stampsOnDay: decision.stampsToday,
            stampDay: decision.stampDay,
          });
          expect(after.version).toBe(before.version + 1);
        } else {
          expect(after.version).toBe(before.version);
        }
      }),
      { numRuns: databaseKind() === "pglite" ? 150 : 300 },
    );
  });
});
