import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { postStamp, seedCounter, sleep, type CounterSeed, type StampAnswer } from "./support/seed-counter";
import { createSystemDatabase, startAppInstance, type AppInstance } from "./support/system-app";

/**
 * Two app instances on one PostgreSQL database, under a background stamp
 * load on both: the limits that protect balances and PINs hold exactly as
 * with one instance, because each is decided in the database (the card's row
 * lock, the lockout row's lock, the idempotency key's unique index, the rate
 * limit's row), never in an instance's memory. The in-process caches (API key
 * principals, counter rules) hold only configuration, see lib/auth/api-keys.ts
 * and lib/programs/get-counter-context.ts.
 */
describe("two app instances on one PostgreSQL", () => {
  let database: (Database & { url: string }) | undefined;
  let a: AppInstance | undefined;
  let b: AppInstance | undefined;
  let background: CounterSeed | undefined;
  const backgroundAnswers: StampAnswer[] = [];
  let stopBackground = false;
  let backgroundLoad: Promise<void>[] = [];
  const both = () => [a!, b!];

  beforeAll(async () => {
    database = await createSystemDatabase();
    [a, b] = await Promise.all([startAppInstance({ databaseUrl: database.url }), startAppInstance({ databaseUrl: database.url })]);
    // The mixed load: stamps on another merchant's cards through both instances for the whole suite.
    background = await seedCounter(database, { cards: 200 });
    backgroundLoad = Array.from({ length: 6 }, async (_, i) => {
      const app = both()[i % 2]!;
      while (!stopBackground) {
        const card = background!.cards[Math.floor(Math.random() * background!.cards.length)]!;
        backgroundAnswers.push(
          await postStamp(app.url, background!, { cardNumber: card.cardNumber, idempotencyKey: i % 3 ? randomUUID() : undefined }),
        );
      }
    });
    await sleep(500);
  });

  afterAll(async () => {
    stopBackground = true;
    await Promise.all(backgroundLoad);
    await Promise.all([a?.kill("SIGKILL"), b?.kill("SIGKILL")]);
    await database?.close();
  });

  it("grants exactly the daily limit to 50 parallel stamps on one card split across both", async () => {
    const seed = await seedCounter(database!, { cards: 1, maxDailyStamps: 5 });
    const card = seed.cards[0]!;
    // Half with an Idempotency-Key (read, then locked transaction), half without (one stamp_card call): both paths.
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postStamp(both()[i % 2]!.url, seed, { cardNumber: card.cardNumber, idempotencyKey: i % 4 < 2 ? randomUUID() : undefined }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429).map((answer) => answer.body?.code)).toEqual(
      Array(45).fill("DAILY_LIMIT_REACHED"),
    );
    const stored = await database!.prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored.stampCount).toBe(5);
    expect(await database!.prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(5);
  });

  it("locks a PIN scope after exactly 5 wrong PINs typed through both instances", async () => {
    const seed = await seedCounter(database!, { cards: 1, requireStaffPin: true, staffPin: "482913" });
    const card = seed.cards[0]!;
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await postStamp(both()[i % 2]!.url, seed, { cardNumber: card.cardNumber, staffPin: "111111" });
      codes.push(`${answer.status} ${answer.body?.code}`);
    }
    expect(codes).toEqual([...Array(5).fill("401 PIN_INVALID"), ...Array(5).fill("423 PIN_LOCKED")]);
    // The right PIN is refused too, on either instance, while the lock holds.
    for (const app of both()) {
      const answer = await postStamp(app.url, seed, { cardNumber: card.cardNumber, staffPin: "482913" });
      expect(`${answer.status} ${answer.body?.code}`).toBe("423 PIN_LOCKED");
    }
    expect((await database!.prisma.card.findUniqueOrThrow({ where: { id: card.id } })).stampCount).toBe(0);
  });

  it("counts wrong PINs sent in parallel to both instances without losing one", async () => {
    const seed = await seedCounter(database!, { cards: 1, requireStaffPin: true, staffPin: "482913" });
    const card = seed.cards[0]!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postStamp(both()[i % 2]!.url, seed, { cardNumber: card.cardNumber, staffPin: "111111" })),
    );
    // Racing requests may all pass the "locked?" check before any failure is written, but each failure is counted
    // under the lockout row's lock: no more than 5 are refused as wrong before the lock, and the lock holds after.
    // (503: past the request deadline on a starved machine, ten argon2 verifications at once; the failure is still counted.)
    const codes = answers.map((answer) => `${answer.status} ${answer.body?.code}`);
    expect(
      codes.filter((code) => !["401 PIN_INVALID", "423 PIN_LOCKED", "503 SERVICE_UNAVAILABLE"].includes(code)),
      codes.join(", "),
    ).toEqual([]);
    await sleep(3_000);
    const scope = await database!.prisma.pinLockout.findFirstOrThrow({ where: { storeId: seed.storeId } });
    expect(scope.failedAttempts).toBeGreaterThanOrEqual(5);
    expect(scope.lockedUntil).not.toBeNull();
    for (const app of both()) {
      const answer = await postStamp(app.url, seed, { cardNumber: card.cardNumber, staffPin: "482913" });
      expect(answer.body?.code).toBe("PIN_LOCKED");
    }
  });

  it("answers one Idempotency-Key sent to both instances with one stamp", async () => {
    const seed = await seedCounter(database!, { cards: 1 });
    const card = seed.cards[0]!;
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => postStamp(both()[i % 2]!.url, seed, { cardNumber: card.cardNumber, idempotencyKey: key })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
    expect(new Set(answers.map((answer) => answer.body?.transactionId)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers?.get("idempotent-replayed") === "true")).toHaveLength(11);
    expect(await database!.prisma.ledgerEntry.count({ where: { cardId: card.id } })).toBe(1);
    expect((await database!.prisma.card.findUniqueOrThrow({ where: { id: card.id } })).stampCount).toBe(1);
  });

  it("shares a rate limit's budget across both instances", async () => {
    const seed = await seedCounter(database!, { cards: 0 });
    const store = await database!.prisma.store.findUniqueOrThrow({ where: { id: seed.storeId } });
    // Enrollment allows 10 per client address per hour (RATE_LIMITS.enrollByClient): 16 tries, from one address, through both.
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        fetch(`${both()[i % 2]!.url}/api/v1/loyalty/enroll`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.77" },
          body: JSON.stringify({ storeCode: store.code }),
        }).then(async (response) => ({
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          body: await response.json(),
        })),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(6);
    for (const answer of limited) {
      expect(answer.body.code).toBe("RATE_LIMITED");
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(await database!.prisma.card.count({ where: { merchantId: seed.merchantId } })).toBe(10);
  });

  it("served the background load on both instances without an error, and the ledger sums up", async () => {
    stopBackground = true;
    await Promise.all(backgroundLoad);
    expect(backgroundAnswers.length).toBeGreaterThan(50);
    expect(backgroundAnswers.filter((answer) => answer.status !== 200).map((answer) => `${answer.status} ${answer.body?.code}`)).toEqual(
      [],
    );
    expect(await database!.prisma.ledgerEntry.count({ where: { merchantId: background!.merchantId } })).toBe(backgroundAnswers.length);
    expect((await verifyLedger(database!.prisma)).mismatches).toEqual([]);
  });
});
