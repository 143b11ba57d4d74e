import { beforeAll, describe, expect, it } from "vitest";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import { formatCardNumber } from "@/lib/domain/card-number";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service-context";
import { fixedClock } from "@/test/clock";
import { seedCustomerCard } from "@/test/customers";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup } from "@/test/factories";
import { findCardPage, type FindCardPageTuning } from "./find-card-page";
import { listCustomers } from "./list-customers";
import type { CustomerListQuery } from "./schemas";
import { parseSearchTerms } from "./search-terms";

const NOW = "2026-03-01T12:00:00Z";
const daysAgo = (days: number) => new Date(new Date(NOW).getTime() - days * 86_400_000);
const query = (q: Partial<CustomerListQuery> = {}): CustomerListQuery => ({ reward: false, inactive: false, consent: false, ...q });

describe("listCustomers", () => {
  const database = useTestDatabase();
  let shop: Awaited<ReturnType<typeof createMerchantSetup>>;
  let other: Awaited<ReturnType<typeof createMerchantSetup>>;
  let ctx: ServiceContext;
  const names = async (q: Partial<CustomerListQuery>, on: ServiceContext = ctx) =>
    (await listCustomers(on, query(q))).rows.map((row) => (row.person ? row.person.name : "(erased)"));

  beforeAll(async () => {
    const { prisma } = database();
    const clock = fixedClock(NOW);
    // A hybrid program: a reward is 10 stamps, or 100 points (the cheapest active reward; a cheaper one is retired).
    shop = await createMerchantSetup(prisma, { program: { type: "hybrid", stampsTarget: 10 }, clock });
    other = await createMerchantSetup(prisma, { clock });
    ctx = shop.ctx;
    await prisma.reward.createMany({
      data: [
        { merchantId: shop.merchant.id, programId: shop.program.id, name: "Cake", pointsCost: 100 },
        { merchantId: shop.merchant.id, programId: shop.program.id, name: "Old mug", pointsCost: 10, active: false },
      ],
    });
    const seed = (at: typeof shop, s: Parameters<typeof seedCustomerCard>[2]) => seedCustomerCard(prisma, at, s);
    await seed(shop, {
      name: "Hélène Dupont",
      email: "h.dupont@example.com",
      phone: "+352 621 123 456",
      emailConsent: true,
      createdAt: daysAgo(40),
      lastActivityAt: daysAgo(2),
      stampCount: 10,
    });
    await seed(shop, { name: "Helene Martin", email: "helene.martin@example.org", createdAt: daysAgo(39), lastActivityAt: daysAgo(31) });
    await seed(shop, {
      name: "Jean-Pierre Müller",
      phone: "06 12 34 56 78",
      createdAt: daysAgo(38),
      lastActivityAt: null,
      pointsBalance: 100,
    });
    await seed(shop, { name: "Zoé Faber", email: "zoe@example.lu", emailConsent: true, createdAt: daysAgo(5), pointsBalance: 99 });
    await seed(shop, { name: null, email: "anonymous@example.lu", createdAt: daysAgo(4), stampCount: 9 });
    await seed(shop, {
      name: "Erased Person",
      email: "erased@example.lu",
      emailConsent: true,
      erasedAt: daysAgo(1),
      createdAt: daysAgo(60),
      stampCount: 10,
    });
    // Another merchant's customers, with the same names: never shown to this one.
    await seed(other, { name: "Hélène Dupont", email: "other.dupont@example.com", phone: "+352 621 123 456", createdAt: daysAgo(1) });
    await seed(other, { name: "Zoé Other", createdAt: daysAgo(1) });
    await prisma.cardActivityDay.create({ data: { merchantId: shop.merchant.id, day: daysAgo(2), cards: 6 } });
  });

  it("lists every card newest first, with the total from the statistics summary", async () => {
    const list = await listCustomers(ctx, query());
    expect(list.rows.map((row) => (row.person ? row.person.name : "(erased)"))).toEqual([
      null,
      "Zoé Faber",
      "Jean-Pierre Müller",
      "Helene Martin",
      "Hélène Dupont",
      "(erased)",
    ]);
    expect(list).toMatchObject({ nextCursor: null, partial: false, narrowed: false, totalCards: 6 });
  });

  it("shows an erased customer's card without anything about the person", async () => {
    const erased = (await listCustomers(ctx, query())).rows.at(-1)!;
    expect(erased).toMatchObject({ person: null, stampCount: 10, rewardAvailable: true });
  });

  it("finds names by word prefix, folding accents both ways", async () => {
    expect(await names({ q: "hel" })).toEqual(["Helene Martin", "Hélène Dupont"]);
    expect(await names({ q: "helene" })).toEqual(["Helene Martin", "Hélène Dupont"]);
    expect(await names({ q: "HÉLÈNE dup" })).toEqual(["Hélène Dupont"]);
    expect(await names({ q: "muller" })).toEqual(["Jean-Pierre Müller"]);
    expect(await names({ q: "pierre" })).toEqual(["Jean-Pierre Müller"]);
    expect(await names({ q: "zo" })).toEqual(["Zoé Faber"]);
    expect(await names({ q: "upont" })).toEqual([]);
  });

  it("finds emails exactly, by their beginning, and by the words before the @", async () => {
    expect(await names({ q: "H.Dupont@Example.com" })).toEqual(["Hélène Dupont"]);
    expect(await names({ q: "helene.martin@" })).toEqual(["Helene Martin"]);
    expect(await names({ q: "anonymous" })).toEqual([null]);
    expect(await names({ q: "dupont@example.com" })).toEqual([]);
  });

  it("finds phones however the number is typed", async () => {
    for (const typed of ["+352 621 123 456", "00352 621 123 456", "621 123 456", "621-123-456", "(621) 123.456", "3456"]) {
      expect(await names({ q: typed }), typed).toEqual(["Hélène Dupont"]);
    }
    for (const typed of ["06 12 34 56 78", "+33 6 12 34 56 78", "612345678"]) {
      expect(await names({ q: typed }), typed).toEqual(["Jean-Pierre Müller"]);
    }
  });

  it("finds a card by its number, with spaces or dashes, or by its beginning; an erased customer's card too", async () => {
    const { prisma } = database();
    const cards = await prisma.card.findMany({ where: { merchantId: shop.merchant.id }, include: { customer: true } });
    const zoe = cards.find((card) => card.customer.name === "Zoé Faber")!;
    expect(await names({ q: formatCardNumber(zoe.cardNumber) })).toEqual(["Zoé Faber"]);
    expect(await names({ q: formatCardNumber(zoe.cardNumber).replaceAll(" ", "-") })).toEqual(["Zoé Faber"]);
    expect(await names({ q: zoe.cardNumber.slice(0, 10) })).toContain("Zoé Faber");
    const erased = cards.find((card) => card.customer.erasedAt)!;
    expect(await names({ q: erased.cardNumber })).toEqual(["(erased)"]);
    expect(await names({ q: "erased" })).toEqual([]);
  });

  it("filters cards with a reward available: stamps at the target, or points for the cheapest active reward", async () => {
    expect(await names({ reward: true })).toEqual(["Jean-Pierre Müller", "Hélène Dupont", "(erased)"]);
    const stampsOnly = await createMerchantSetup(database().prisma, { program: { type: "stamps", stampsTarget: 8 } });
    await seedCustomerCard(database().prisma, stampsOnly, { name: "Full", stampCount: 8 });
    await seedCustomerCard(database().prisma, stampsOnly, { name: "Rich in points", pointsBalance: 5000, stampCount: 7 });
    expect(await names({ reward: true }, stampsOnly.ctx)).toEqual(["Full"]);
  });

  it("filters cards without activity for 30 days (never active counts from enrollment)", async () => {
    expect(await names({ inactive: true })).toEqual(["Jean-Pierre Müller", "Helene Martin", "(erased)"]);
  });

  it("filters customers who agreed to emails, leaving out erased ones", async () => {
    expect(await names({ consent: true })).toEqual(["Zoé Faber", "Hélène Dupont"]);
  });

  it("combines search and filters", async () => {
    expect(await names({ q: "helene", inactive: true })).toEqual(["Helene Martin"]);
    expect(await names({ q: "helene", consent: true, reward: true })).toEqual(["Hélène Dupont"]);
    expect(await names({ q: "zoe", reward: true })).toEqual([]);
    const nothing = await listCustomers(ctx, query({ q: "nobody-here" }));
    expect(nothing).toMatchObject({ rows: [], nextCursor: null, narrowed: true });
  });

  it("never shows another merchant's cards", async () => {
    expect(await names({ q: "Hélène Dupont" })).toEqual(["Hélène Dupont"]);
    const mine = (await listCustomers(ctx, query({ q: "Hélène Dupont" }))).rows[0]!;
    const theirs = (await listCustomers(other.ctx, query({ q: "Hélène Dupont" }))).rows[0]!;
    expect(theirs.cardNumber).not.toBe(mine.cardNumber);
    expect(await names({ q: "+352 621 123 456" }, other.ctx)).toEqual(["Hélène Dupont"]);
    expect(await names({ q: mine.cardNumber }, other.ctx)).toEqual([]);
    expect(await names({ q: "other" })).toEqual([]);
  });

  it("ignores a cursor that does not decode and starts at the first page", async () => {
    expect((await listCustomers(ctx, query({ after: "garbage" }))).rows).toHaveLength(6);
  });
});

describe("findCardPage pagination", () => {
  const database = useTestDatabase();
  let shop: Awaited<ReturnType<typeof createMerchantSetup>>;
  const SAME = new Date("2026-02-01T10:00:00.000Z");

  beforeAll(async () => {
    const { prisma } = database();
    shop = await createMerchantSetup(prisma, { program: { type: "stamps", stampsTarget: 5 } });
    // 40 cards enrolled at the same millisecond and 20 just before: ties are broken by id.
    for (let i = 0; i < 60; i++) {
      await seedCustomerCard(prisma, shop, {
        name: `Same ${i % 3 === 0 ? "Lucky" : "Plain"} ${i}`,
        createdAt: i < 40 ? SAME : new Date(SAME.getTime() - 1000 + i),
        stampCount: i % 3 === 0 ? 5 : 0,
      });
    }
  });

  async function everyPage(
    q: string | undefined,
    filters: Parameters<typeof findCardPage>[1]["filters"],
    tuning: FindCardPageTuning,
    limit = 25,
  ) {
    const ids: string[] = [];
    const pages: { size: number; partial: boolean; strategy: string }[] = [];
    let cursor: Parameters<typeof findCardPage>[1]["cursor"];
    for (let guard = 0; guard < 100; guard++) {
      const page = await findCardPage(shop.ctx, { terms: parseSearchTerms(q), filters, cursor, limit }, tuning);
      ids.push(...page.cards.map((card) => card.id));
      pages.push({ size: page.cards.length, partial: page.partial, strategy: page.strategy });
      if (!page.nextCursor) return { ids, pages };
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  async function expected(where: { nameContains?: string; stampsAtLeast?: number }) {
    const rows = await database().prisma.card.findMany({
      where: {
        merchantId: shop.merchant.id,
        ...(where.nameContains ? { customer: { name: { contains: where.nameContains } } } : {}),
        ...(where.stampsAtLeast ? { stampCount: { gte: where.stampsAtLeast } } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  it("pages through every card once, in order, across equal timestamps", async () => {
    const { ids, pages } = await everyPage(undefined, {}, {});
    expect(ids).toEqual(await expected({}));
    expect(pages.map((page) => page.size)).toEqual([25, 25, 10]);
  });

  it("gives the same pages through the index and through the scan, however small the scan window", async () => {
    const all = await expected({ nameContains: "Same" });
    expect((await everyPage("same", {}, { indexEstimateLimit: Number.POSITIVE_INFINITY })).pages[0]!.strategy).toBe("index");
    expect((await everyPage("same", {}, { indexEstimateLimit: Number.POSITIVE_INFINITY })).ids).toEqual(all);
    expect((await everyPage("same", {}, { indexEstimateLimit: -1 })).ids).toEqual(all);
    expect((await everyPage("same", {}, { indexEstimateLimit: -1, scanWindow: 7 })).ids).toEqual(all);
    const lucky = await expected({ nameContains: "Lucky" });
    expect((await everyPage("lucky", {}, { indexEstimateLimit: -1, scanWindow: 9 }, 4)).ids).toEqual(lucky);
    expect((await everyPage("lucky", {}, {}, 4)).ids).toEqual(lucky);
  });

  it("falls back to the scan when the index finds more hits than it may read", async () => {
    const page = await findCardPage(
      shop.ctx,
      { terms: parseSearchTerms("same"), filters: {}, limit: 25 },
      { indexEstimateLimit: 1e9, indexCap: 10 },
    );
    expect(page.strategy).toBe("scan");
    expect(page.cards.map((card) => card.id)).toEqual((await expected({ nameContains: "Same" })).slice(0, 25));
  });

  it("stops a sparse filter at the scan window with a partial page and a cursor to look further", async () => {
    const filters = { rewardAvailable: { stampsTarget: 5, cheapestRewardCost: null } };
    const first = await findCardPage(shop.ctx, { terms: parseSearchTerms(undefined), filters, limit: 25 }, { scanWindow: 10 });
    expect(first).toMatchObject({ partial: true, strategy: "scan" });
    expect(first.cards.length).toBeLessThan(25);
    expect(first.nextCursor).not.toBeNull();
    const { ids, pages } = await everyPage(undefined, filters, { scanWindow: 10 });
    expect(ids).toEqual(await expected({ stampsAtLeast: 5 }));
    expect(pages.slice(0, -1).every((page) => page.partial || page.size === 25)).toBe(true);
    expect(pages.at(-1)!.partial).toBe(false);
  });
});

describe("findCardPage's choice between the index and the scan", () => {
  const database = useTestDatabase();

  it("scans for a word many customers share and uses the index for a rarer one, from the planner's statistics", async () => {
    const { prisma } = database();
    const shop = await createMerchantSetup(prisma);
    const customers = Array.from({ length: 800 }, (_, i) => ({ id: newId(), name: i < 600 ? `Common ${i}` : `Rare ${i}` }));
    await prisma.customer.createMany({ data: customers });
    await prisma.card.createMany({
      data: customers.map((customer) => ({
        merchantId: shop.merchant.id,
        programId: shop.program.id,
        customerId: customer.id,
        ...generateCardIdentifiers(),
      })),
    });
    await prisma.$executeRawUnsafe("ANALYZE customers");
    const page = (q: string) => findCardPage(shop.ctx, { terms: parseSearchTerms(q), filters: {}, limit: 25 }, { indexEstimateLimit: 400 });
    expect(await page("common")).toMatchObject({ strategy: "scan", partial: false });
    expect((await page("common")).cards).toHaveLength(25);
    expect(await page("rare")).toMatchObject({ strategy: "index" });
    expect((await page("rare")).cards).toHaveLength(25);
  });
});
