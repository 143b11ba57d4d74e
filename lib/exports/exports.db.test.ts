import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { CustomerUncheckedCreateInput, CardUncheckedCreateInput, LedgerEntryUncheckedCreateInput } from "@/lib/db/generated/models";
import { newId } from "@/lib/ids";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { CUSTOMERS_CSV_COLUMNS, exportCustomersCsv } from "./customers-csv";
import { TRANSACTIONS_CSV_COLUMNS, exportTransactionsCsv } from "./transactions-csv";

type Setup = Awaited<ReturnType<typeof createMerchantSetup>>;

const BOM = [0xef, 0xbb, 0xbf];

/** The whole stream as text, after checking it starts with the UTF-8 byte-order mark. */
async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  // The decoder drops the byte-order mark, as a spreadsheet does.
  return new TextDecoder("utf-8").decode(bytes);
}

/** The CSV as its header and records (objects keyed by the header). */
async function readCsv(stream: ReadableStream<Uint8Array>): Promise<{ text: string; header: string[]; rows: Record<string, string>[] }> {
  const text = await readStream(stream);
  const [header = [], ...records] = parse(text, { record_delimiter: "\r\n" }) as string[][];
  const rows = records.map((record) => Object.fromEntries(header.map((column, i) => [column, record[i] ?? ""])));
  return { text, header, rows };
}

/** A customer and their card at the setup's merchant, with any field given. */
async function addCard(
  prisma: PrismaClient,
  setup: Setup,
  customer: Partial<CustomerUncheckedCreateInput> = {},
  card: Partial<CardUncheckedCreateInput> = {},
) {
  const created = await prisma.customer.create({ data: customer });
  return prisma.card.create({
    data: { merchantId: setup.merchant.id, programId: setup.program.id, customerId: created.id, ...generateCardIdentifiers(), ...card },
  });
}

function addEntry(prisma: PrismaClient, card: { id: string; merchantId: string }, data: Partial<LedgerEntryUncheckedCreateInput>) {
  return prisma.ledgerEntry.create({
    data: { merchantId: card.merchantId, cardId: card.id, type: "stamp_earned", stampsDelta: 1, stampsAfter: 1, pointsAfter: 0, ...data },
  });
}

describe("exportCustomersCsv", () => {
  const database = useTestDatabase();
  let setup: Setup;
  let other: Setup;

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma, { timeZone: "Europe/Luxembourg" });
    other = await createMerchantSetup(database().prisma);
  });

  it("writes the header, then each card with its customer, newest first, with consent, local times and the store", async () => {
    const { prisma } = database();
    await prisma.store.update({ where: { id: setup.store.id }, data: { name: "Grand-Rue" } });
    const older = await addCard(prisma, setup, { name: "Jean Dupont", locale: "fr" }, { createdAt: new Date("2026-01-10T08:00:00Z") });
    const card = await addCard(
      prisma,
      setup,
      {
        name: 'Élodie Müller, "Lodie"',
        email: "elodie@example.com",
        phone: "352621123456",
        birthday: new Date("1990-05-17T00:00:00Z"),
        locale: "de",
        emailConsent: true,
        emailConsentAt: new Date("2026-03-01T10:00:00Z"),
        emailConsentVersion: "2026-01",
      },
      {
        createdStoreId: setup.store.id,
        createdAt: new Date("2026-02-01T08:30:00Z"),
        stampCount: 3,
        pointsBalance: 40,
        stampsEarned: 13,
        pointsEarned: 140,
        stampRewardsRedeemed: 1,
        lastActivityAt: new Date("2026-07-01T08:00:00Z"),
      },
    );
    await addCard(prisma, other, { name: "Someone Else" });

    const { text, header, rows } = await readCsv(exportCustomersCsv(setup.ctx));
    expect(header).toEqual([...CUSTOMERS_CSV_COLUMNS]);
    expect(text.startsWith(`${CUSTOMERS_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(rows.map((row) => row.card_number)).toEqual([card.cardNumber, older.cardNumber]);
    expect(rows[0]).toEqual({
      card_number: card.cardNumber,
      name: 'Élodie Müller, "Lodie"',
      email: "elodie@example.com",
      phone: "352621123456",
      birthday: "1990-05-17",
      locale: "de",
      email_consent: "yes",
      email_consent_at: "2026-03-01T11:00:00+01:00",
      email_consent_version: "2026-01",
      stamps: "3",
      points: "40",
      lifetime_stamps: "13",
      lifetime_points: "140",
      rewards_redeemed: "1",
      enrolled_at: "2026-02-01T09:30:00+01:00",
      enrolled_store: "Grand-Rue",
      last_activity_at: "2026-07-01T10:00:00+02:00",
    });
    expect(rows[1]).toMatchObject({
      name: "Jean Dupont",
      email: "",
      birthday: "",
      email_consent: "no",
      email_consent_at: "",
      enrolled_store: "",
      last_activity_at: "",
    });
    // Quoting is csv-stringify's: the comma and quotes of the name are escaped in the file itself.
    expect(text).toContain(`${card.cardNumber},"Élodie Müller, ""Lodie""",`);
  });

  it("never shows another merchant's cards", async () => {
    const { prisma } = database();
    const theirs = await addCard(prisma, other, { name: "Only at the other merchant" });
    const { rows } = await readCsv(exportCustomersCsv(setup.ctx));
    expect(rows.map((row) => row.card_number)).not.toContain(theirs.cardNumber);
    const { rows: theirRows } = await readCsv(exportCustomersCsv(other.ctx));
    expect(theirRows.map((row) => row.card_number)).toContain(theirs.cardNumber);
    for (const row of theirRows) expect(row.name).not.toMatch(/Élodie|Jean Dupont/);
  });

  it("shows an erased customer's card and totals with every personal field empty", async () => {
    const { prisma } = database();
    // The personal data is still in the row here, so the test shows the export itself leaves it out.
    const card = await addCard(
      prisma,
      setup,
      {
        name: "Erased Person",
        email: "erased@example.com",
        phone: "+352691000000",
        birthday: new Date("1985-01-02T00:00:00Z"),
        locale: "lb",
        emailConsent: true,
        emailConsentAt: new Date("2026-01-01T00:00:00Z"),
        emailConsentVersion: "2026-01",
        erasedAt: new Date("2026-06-01T00:00:00Z"),
      },
      { stampCount: 2, stampsEarned: 12, stampRewardsRedeemed: 1, createdStoreId: setup.store.id },
    );
    const { rows } = await readCsv(exportCustomersCsv(setup.ctx));
    const row = rows.find((candidate) => candidate.card_number === card.cardNumber);
    expect(row).toMatchObject({
      name: "",
      email: "",
      phone: "",
      birthday: "",
      locale: "",
      email_consent: "",
      email_consent_at: "",
      email_consent_version: "",
      stamps: "2",
      lifetime_stamps: "12",
      rewards_redeemed: "1",
      enrolled_store: "Grand-Rue",
    });
  });

  it("prefixes text cells that a spreadsheet would run as a formula", async () => {
    const { prisma } = database();
    const card = await addCard(prisma, setup, {
      name: '=HYPERLINK("https://evil.example","click")',
      email: "@SUM(1+1)",
      phone: "+352621999999",
      emailConsentVersion: "-2+3",
    });
    const { rows } = await readCsv(exportCustomersCsv(setup.ctx));
    expect(rows.find((row) => row.card_number === card.cardNumber)).toMatchObject({
      name: `'=HYPERLINK("https://evil.example","click")`,
      email: "'@SUM(1+1)",
      phone: "'+352621999999",
      email_consent_version: "'-2+3",
    });
  });
});

describe("exportTransactionsCsv", () => {
  const database = useTestDatabase();
  let setup: Setup;
  let other: Setup;
  let card: Awaited<ReturnType<typeof addCard>>;
  let theirCard: Awaited<ReturnType<typeof addCard>>;

  beforeAll(async () => {
    const { prisma } = database();
    setup = await createMerchantSetup(prisma, {
      timeZone: "Europe/Luxembourg",
      program: { type: "hybrid" },
      staff: [{ name: "Marie", pin: "4821" }],
    });
    other = await createMerchantSetup(prisma, { timeZone: "Europe/Luxembourg" });
    await prisma.store.update({ where: { id: setup.store.id }, data: { name: "Grand-Rue" } });
    card = await addCard(prisma, setup, { name: "Élodie" });
    theirCard = await addCard(prisma, other, { name: "Theirs" });
  });

  const ids = async (range: { from: string; to: string }, ctx = setup.ctx) =>
    (await readCsv(exportTransactionsCsv(ctx, range))).rows.map((row) => row.transaction_id);

  it("writes the header and each entry with merchant-local time, euros, store, staff member and reward", async () => {
    const { prisma } = database();
    const reward = await prisma.reward.create({
      data: { merchantId: setup.merchant.id, programId: setup.program.id, name: "Croissant", pointsCost: 50 },
    });
    const staffMemberId = setup.staff[0]!.id;
    const earned = await addEntry(prisma, card, {
      type: "points_earned",
      stampsDelta: 0,
      stampsAfter: 0,
      pointsDelta: 12,
      pointsAfter: 62,
      purchaseCents: 1250,
      orderReference: "R-0042",
      storeId: setup.store.id,
      staffMemberId,
      createdAt: new Date("2026-03-29T09:15:00+02:00"),
    });
    const redeemed = await addEntry(prisma, card, {
      type: "points_redeemed",
      stampsDelta: 0,
      stampsAfter: 0,
      pointsDelta: -50,
      pointsAfter: 12,
      rewardId: reward.id,
      storeId: setup.store.id,
      createdAt: new Date("2026-03-29T09:20:00+02:00"),
    });
    const small = await addEntry(prisma, card, {
      type: "points_earned",
      stampsDelta: 0,
      stampsAfter: 0,
      pointsDelta: 0,
      pointsAfter: 12,
      purchaseCents: 5,
      createdAt: new Date("2026-01-15T12:00:00Z"),
    });
    const stamp = await addEntry(prisma, card, { createdAt: new Date("2026-01-15T13:00:00Z") });

    const { header, rows } = await readCsv(exportTransactionsCsv(setup.ctx, { from: "2026-01-01", to: "2026-03-31" }));
    expect(header).toEqual([...TRANSACTIONS_CSV_COLUMNS]);
    expect(rows.map((row) => row.transaction_id)).toEqual([small.id, stamp.id, earned.id, redeemed.id]);
    expect(rows[2]).toEqual({
      transaction_id: earned.id,
      created_at: "2026-03-29T09:15:00+02:00",
      type: "points_earned",
      card_number: card.cardNumber,
      stamps_delta: "0",
      points_delta: "12",
      stamps_after: "0",
      points_after: "62",
      store: "Grand-Rue",
      staff_member: "Marie",
      purchase_amount: "12.50",
      order_reference: "R-0042",
      reward: "",
      reason: "",
    });
    // A negative number is a number, not a formula: no prefix.
    expect(rows[3]).toMatchObject({ points_delta: "-50", reward: "Croissant", staff_member: "", purchase_amount: "" });
    expect(rows[0]).toMatchObject({ created_at: "2026-01-15T13:00:00+01:00", purchase_amount: "0.05", store: "" });
    expect(rows[1]).toMatchObject({ type: "stamp_earned", stamps_delta: "1", purchase_amount: "", order_reference: "" });
  });

  it("covers exactly the local days of the range across the spring-forward switch (23-hour day)", async () => {
    const { prisma } = database();
    // A merchant of its own, so no other test's entries fall on these days.
    const lux = await createMerchantSetup(prisma, { timeZone: "Europe/Luxembourg" });
    const luxCard = await addCard(prisma, lux);
    const at = (iso: string) => addEntry(prisma, luxCard, { createdAt: new Date(iso) });
    // Clocks go from 02:00 to 03:00 on Sunday 29 March 2026: that day is 23 hours long.
    const dayBefore = await at("2026-03-28T23:30:00+01:00");
    const springDay = [
      await at("2026-03-29T00:00:00+01:00"),
      await at("2026-03-29T01:59:59.999+01:00"),
      await at("2026-03-29T03:00:00+02:00"),
      await at("2026-03-29T23:59:59.999+02:00"),
    ];
    const dayAfter = await at("2026-03-30T00:30:00+02:00");
    const twoDaysBefore = await at("2026-03-27T23:30:00+01:00");
    const twoDaysAfter = await at("2026-03-31T00:30:00+02:00");
    await addEntry(prisma, theirCard, { createdAt: new Date("2026-03-29T12:00:00+02:00") });

    const range = async (from: string, to: string) =>
      (await readCsv(exportTransactionsCsv(lux.ctx, { from, to }))).rows.map((row) => row.transaction_id);
    expect(await range("2026-03-29", "2026-03-29")).toEqual(springDay.map((entry) => entry.id));
    expect(await range("2026-03-28", "2026-03-30")).toEqual([dayBefore, ...springDay, dayAfter].map((entry) => entry.id));
    expect(await range("2026-03-27", "2026-03-27")).toEqual([twoDaysBefore.id]);
    expect(await range("2026-03-31", "2026-03-31")).toEqual([twoDaysAfter.id]);
  });

  it("covers the 25-hour day of the autumn switch, both 02:30s included", async () => {
    const { prisma } = database();
    const at = (iso: string) => addEntry(prisma, card, { createdAt: new Date(iso) });
    await at("2027-10-30T23:30:00+02:00");
    const day = [
      await at("2027-10-31T00:00:00+02:00"),
      await at("2027-10-31T02:30:00+02:00"),
      await at("2027-10-31T02:30:00+01:00"),
      await at("2027-10-31T23:30:00+01:00"),
    ];
    await at("2027-11-01T00:30:00+01:00");
    const { rows } = await readCsv(exportTransactionsCsv(setup.ctx, { from: "2027-10-31", to: "2027-10-31" }));
    expect(rows.map((row) => row.transaction_id)).toEqual(day.map((entry) => entry.id));
    expect(rows.map((row) => row.created_at)).toEqual([
      "2027-10-31T00:00:00+02:00",
      "2027-10-31T02:30:00+02:00",
      "2027-10-31T02:30:00+01:00",
      "2027-10-31T23:30:00+01:00",
    ]);
  });

  it("never shows another merchant's entries, and shows them to that merchant", async () => {
    const { prisma } = database();
    const theirs = await addEntry(prisma, theirCard, { createdAt: new Date("2026-05-10T10:00:00+02:00") });
    const mine = await addEntry(prisma, card, { createdAt: new Date("2026-05-10T10:00:00+02:00") });
    expect(await ids({ from: "2026-05-10", to: "2026-05-10" })).toEqual([mine.id]);
    expect(await ids({ from: "2026-05-10", to: "2026-05-10" }, other.ctx)).toEqual([theirs.id]);
  });

  it("prefixes text cells that a spreadsheet would run as a formula, never numbers", async () => {
    const { prisma } = database();
    const staff = await prisma.staffMember.create({ data: { merchantId: setup.merchant.id, name: "@admin", pinHash: "x" } });
    const entries = [
      await addEntry(prisma, card, {
        type: "manual_adjustment",
        stampsDelta: -2,
        stampsAfter: 0,
        reason: "-2 for a mistake",
        staffMemberId: staff.id,
        createdAt: new Date("2026-06-01T10:00:00+02:00"),
      }),
      await addEntry(prisma, card, {
        type: "points_earned",
        stampsDelta: 0,
        stampsAfter: 0,
        pointsDelta: 1,
        pointsAfter: 1,
        purchaseCents: 100,
        orderReference: "=1+1",
        createdAt: new Date("2026-06-01T10:01:00+02:00"),
      }),
      await addEntry(prisma, card, {
        type: "manual_adjustment",
        reason: "\tsplit",
        createdAt: new Date("2026-06-01T10:02:00+02:00"),
      }),
      await addEntry(prisma, card, {
        type: "manual_adjustment",
        reason: "\rreturn",
        createdAt: new Date("2026-06-01T10:03:00+02:00"),
      }),
      await addEntry(prisma, card, {
        type: "manual_adjustment",
        reason: "+33 bonus",
        createdAt: new Date("2026-06-01T10:04:00+02:00"),
      }),
    ];
    const { rows } = await readCsv(exportTransactionsCsv(setup.ctx, { from: "2026-06-01", to: "2026-06-01" }));
    expect(rows.map((row) => row.transaction_id)).toEqual(entries.map((entry) => entry.id));
    expect(rows[0]).toMatchObject({ stamps_delta: "-2", reason: "'-2 for a mistake", staff_member: "'@admin" });
    expect(rows[1]).toMatchObject({ order_reference: "'=1+1", purchase_amount: "1.00" });
    expect(rows[2]!.reason).toBe("'\tsplit");
    expect(rows[3]!.reason).toBe("'\rreturn");
    expect(rows[4]!.reason).toBe("'+33 bonus");
  });

  it("refuses a range that is reversed or too long before streaming anything", async () => {
    const reversed = await refusal(
      Promise.resolve().then(() => exportTransactionsCsv(setup.ctx, { from: "2026-03-02", to: "2026-03-01" })),
    );
    expect(reversed.code).toBe("VALIDATION_FAILED");
    expect(reversed.details.fieldErrors).toEqual({ to: ["validation.dateRange"] });
    const tooLong = await refusal(Promise.resolve().then(() => exportTransactionsCsv(setup.ctx, { from: "2025-01-01", to: "2026-01-03" })));
    expect(tooLong.details.fieldErrors).toEqual({ to: ["validation.dateRangeTooLong"] });
  });
});

describe("exports of more than one batch", () => {
  const database = useTestDatabase();
  const COUNT = 2_600;
  let setup: Setup;

  beforeAll(async () => {
    setup = await createMerchantSetup(database().prisma, { timeZone: "Europe/Luxembourg" });
  });

  // Seven rows share each timestamp, so ties on created_at fall across the 1,000-row page
  // boundaries and only the id tie-break keeps rows from being skipped or repeated.
  const instant = (i: number) => new Date(Date.UTC(2026, 4, 1, 8) + Math.floor(i / 7) * 1000);

  it("streams every card, newest first, across several keyset pages", async () => {
    const { prisma } = database();
    const customers = Array.from({ length: COUNT }, (_, i) => ({ id: newId(), name: `Customer ${i}` }));
    await prisma.customer.createMany({ data: customers });
    const cards = customers.map((customer, i) => ({
      id: newId(),
      merchantId: setup.merchant.id,
      programId: setup.program.id,
      customerId: customer.id,
      createdAt: instant(i),
      ...generateCardIdentifiers(),
    }));
    await prisma.card.createMany({ data: cards });
    const expected = [...cards]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((card) => card.cardNumber);

    const { text, rows } = await readCsv(exportCustomersCsv(setup.ctx));
    expect(rows).toHaveLength(COUNT);
    expect(rows.map((row) => row.card_number)).toEqual(expected);
    // CRLF after the header and every record, and no bare LF anywhere.
    expect(text.split("\r\n")).toHaveLength(COUNT + 2);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("streams every entry of the range, oldest first, across several keyset pages", async () => {
    const { prisma } = database();
    const [card] = await prisma.card.findMany({ where: { merchantId: setup.merchant.id }, take: 1 });
    const entries = Array.from({ length: COUNT }, (_, i) => ({
      id: newId(),
      merchantId: setup.merchant.id,
      cardId: card!.id,
      type: "stamp_earned" as const,
      stampsDelta: 1,
      stampsAfter: 1,
      pointsAfter: 0,
      createdAt: instant(i),
    }));
    // Inserted in reverse order so the export's order comes from its ORDER BY, not from insertion.
    await prisma.ledgerEntry.createMany({ data: [...entries].reverse() });
    const expected = [...entries]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((entry) => entry.id);

    const { text, rows } = await readCsv(exportTransactionsCsv(setup.ctx, { from: "2026-05-01", to: "2026-05-01" }));
    expect(rows.map((row) => row.transaction_id)).toEqual(expected);
    expect(text.split("\r\n")).toHaveLength(COUNT + 2);
  });

  it("reads one page at a time as the consumer pulls", async () => {
    const stream = exportCustomersCsv(setup.ctx);
    const reader = stream.getReader();
    const header = await reader.read();
    const firstPage = await reader.read();
    const lines = new TextDecoder().decode(firstPage.value).split("\r\n").filter(Boolean);
    expect(new TextDecoder().decode(header.value)).toContain("card_number,name");
    expect(lines).toHaveLength(1000);
    await reader.cancel();
  });
});
