import "server-only";
import { hashSecret } from "@/lib/auth/password-hash";
import { pinLookupDigest } from "@/lib/auth/pin-lookup";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import { CONSENT_TEXT_VERSION } from "@/lib/customers/consent";
import type { Database } from "@/lib/db/open-database";
import { localDayOf } from "@/lib/domain/local-day";
import { newId } from "@/lib/ids";
import { rebuildStats } from "@/lib/stats/rebuild-stats";
import { LARGE_OWNER_EMAIL, largeOwnerPassword } from "./demo-credentials";
import {
  LARGE_CARDS,
  LARGE_REWARD_COSTS,
  LARGE_STAFF_PER_STORE,
  LARGE_STAMPS_TARGET,
  LARGE_STORES,
  entryCounts,
  generateLargeCard,
} from "./large-history";
import { LAST_NAMES } from "./demo-people";

export const LARGE_MERCHANT_NAME = "Kremer & Fils (large demo)";
const TIME_ZONE = "Europe/Luxembourg";
const BATCH_CARDS = 2_000;

export type LargeSeed = {
  created: boolean;
  merchantId: string;
  ownerEmail: string;
  ownerPassword: string;
  cards: number;
  ledgerRows: number;
};

/**
 * `npm run db:seed -- --large`: a chain with 8 stores, 24 staff, a hybrid
 * program, 100,000 cards and 1,000,000 ledger rows, written in batches of
 * plain multi-row inserts (a minute or two on PostgreSQL, longer on PGlite),
 * then its statistics summaries rebuilt. Does nothing when it exists.
 */
export async function seedLarge(database: Database, secretKey: string, now: Date, progress: (text: string) => void): Promise<LargeSeed> {
  const { prisma } = database;
  const ownerPassword = largeOwnerPassword(secretKey);
  const existing = await prisma.merchant.findFirst({ where: { name: LARGE_MERCHANT_NAME }, select: { id: true } });
  if (existing) {
    const [cards, ledgerRows] = await Promise.all([
      prisma.card.count({ where: { merchantId: existing.id } }),
      prisma.ledgerEntry.count({ where: { merchantId: existing.id } }),
    ]);
    return { created: false, merchantId: existing.id, ownerEmail: LARGE_OWNER_EMAIL, ownerPassword, cards, ledgerRows };
  }

  const passwordHash = await hashSecret(ownerPassword);
  const staffPinHash = await hashSecret("0000");
  const merchant = await prisma.merchant.create({
    data: { name: LARGE_MERCHANT_NAME, timeZone: TIME_ZONE, defaultLocale: "fr", createdAt: new Date(now.getTime() - 500 * 86_400_000) },
  });
  await prisma.user.create({
    data: { merchantId: merchant.id, email: LARGE_OWNER_EMAIL, name: "Jean Kremer", passwordHash, role: "owner" },
  });
  const program = await prisma.program.create({
    data: {
      merchantId: merchant.id,
      type: "hybrid",
      cardName: "Kremer card",
      stampsTarget: LARGE_STAMPS_TARGET,
      stampsRewardDescription: "A free pastry",
      pointsPerEuro: 1,
    },
  });
  const rewardIds: string[] = [];
  for (const cost of LARGE_REWARD_COSTS) {
    rewardIds.push(
      (await prisma.reward.create({ data: { merchantId: merchant.id, programId: program.id, name: `Voucher ${cost}`, pointsCost: cost } }))
        .id,
    );
  }
  const storeIds: string[] = [];
  const staffIds: string[] = [];
  for (let index = 0; index < LARGE_STORES; index++) {
    const store = await prisma.store.create({
      data: {
        merchantId: merchant.id,
        name: `Kremer ${LAST_NAMES[index] ?? index}`,
        code: `KREMER${index + 1}${merchant.id.slice(-4).toUpperCase()}`,
      },
    });
    storeIds.push(store.id);
    for (let member = 0; member < LARGE_STAFF_PER_STORE; member++) {
      // Staff get distinct PINs nobody knows: the large demo is for browsing, not for the counter.
      const pin = String(10_000_000 + index * LARGE_STAFF_PER_STORE + member);
      const staff = await prisma.staffMember.create({
        data: {
          merchantId: merchant.id,
          name: `Staff ${index * LARGE_STAFF_PER_STORE + member + 1}`,
          pinHash: staffPinHash,
          pinLookup: pinLookupDigest(secretKey, merchant.id, pin),
          stores: { create: [{ storeId: store.id }] },
        },
      });
      staffIds.push(staff.id);
    }
  }

  const counts = entryCounts();
  const cardNumbers = new Set<string>();
  let ledgerRows = 0;
  for (let start = 0; start < LARGE_CARDS; start += BATCH_CARDS) {
    const customers: unknown[][] = [[], [], [], [], [], [], [], []];
    const cards: unknown[][] = Array.from({ length: 21 }, () => []);
    const entries: unknown[][] = Array.from({ length: 13 }, () => []);
    for (let index = start; index < Math.min(LARGE_CARDS, start + BATCH_CARDS); index++) {
      const card = generateLargeCard(index, counts[index]!, now);
      const customerId = newId();
      const cardId = newId();
      let identifiers = generateCardIdentifiers();
      while (cardNumbers.has(identifiers.cardNumber)) identifiers = generateCardIdentifiers();
      cardNumbers.add(identifiers.cardNumber);
      [
        customerId,
        card.name,
        card.email,
        card.phone,
        card.locale,
        card.emailConsent,
        card.emailConsent ? card.enrolledAt : null,
        card.enrolledAt,
      ].forEach((value, column) => customers[column]!.push(value));
      const stamps = card.entries.filter((entry) => entry.type === "stamp_earned");
      const last = card.entries.at(-1);
      const lastStamp = stamps.at(-1);
      const sum = (pick: (entry: (typeof card.entries)[number]) => number) => card.entries.reduce((total, entry) => total + pick(entry), 0);
      [
        cardId,
        customerId,
        storeIds[card.enrolledStoreIndex],
        identifiers.cardNumber,
        identifiers.qrPayload,
        identifiers.pageToken,
        identifiers.appleSerial,
        identifiers.appleAuthToken,
        last?.stampsAfter ?? 0,
        last?.pointsAfter ?? 0,
        stamps.length,
        card.entries.filter((entry) => entry.type === "stamp_reward_redeemed").length,
        sum((entry) => Math.max(0, entry.pointsDelta)),
        sum((entry) => Math.max(0, -entry.pointsDelta)),
        lastStamp?.at ?? null,
        lastStamp ? localDayOf(lastStamp.at, TIME_ZONE) : null,
        lastStamp ? 1 : 0,
        last?.at ?? card.enrolledAt,
        1 + card.entries.length,
        card.enrolledAt,
        last?.at ?? card.enrolledAt,
      ].forEach((value, column) => cards[column]!.push(value));
      for (const entry of card.entries) {
        [
          newId(),
          cardId,
          entry.type,
          entry.stampsDelta,
          entry.pointsDelta,
          entry.stampsAfter,
          entry.pointsAfter,
          storeIds[entry.storeIndex],
          staffIds[entry.staffIndex],
          entry.rewardIndex === null ? null : rewardIds[entry.rewardIndex],
          entry.purchaseCents,
          entry.at,
          null,
        ].forEach((value, column) => entries[column]!.push(value));
      }
      ledgerRows += card.entries.length;
    }
    await database.query(
      `INSERT INTO customers (id, name, email, phone, locale, email_consent, email_consent_at, email_consent_version, created_at, updated_at)
       SELECT id, name, email, phone, locale, consent, consent_at, CASE WHEN consent THEN $9 END, created_at, created_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::timestamptz[], $8::timestamptz[])
         AS t(id, name, email, phone, locale, consent, consent_at, created_at)`,
      [...customers, CONSENT_TEXT_VERSION],
    );
    await database.query(
      `INSERT INTO cards (id, merchant_id, program_id, customer_id, created_store_id, card_number, qr_payload, page_token, apple_serial,
         apple_auth_token, stamp_count, points_balance, stamps_earned, stamp_rewards_redeemed, points_earned, points_spent, last_stamp_at,
         stamp_day, stamps_on_day, last_activity_at, version, created_at, updated_at)
       SELECT id, $22::uuid, $23::uuid, customer_id, store_id, card_number, qr_payload, page_token, apple_serial, apple_auth_token,
         stamp_count, points_balance, stamps_earned, rewards_redeemed, points_earned, points_spent, last_stamp_at, stamp_day,
         stamps_on_day, last_activity_at, version, created_at, updated_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[],
         $11::int[], $12::int[], $13::int[], $14::int[], $15::timestamptz[], $16::date[], $17::int[], $18::timestamptz[], $19::int[],
         $20::timestamptz[], $21::timestamptz[])
         AS t(id, customer_id, store_id, card_number, qr_payload, page_token, apple_serial, apple_auth_token, stamp_count, points_balance,
           stamps_earned, rewards_redeemed, points_earned, points_spent, last_stamp_at, stamp_day, stamps_on_day, last_activity_at, version,
           created_at, updated_at)`,
      [...cards, merchant.id, program.id],
    );
    await database.query(
      `INSERT INTO ledger_entries (id, merchant_id, card_id, type, stamps_delta, points_delta, stamps_after, points_after, store_id,
         staff_member_id, reward_id, purchase_cents, created_at, reason)
       SELECT id, $14::uuid, card_id, type::"LedgerEntryType", stamps_delta, points_delta, stamps_after, points_after, store_id, staff_id,
         reward_id, purchase_cents, created_at, reason
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::uuid[], $9::uuid[], $10::uuid[],
         $11::int[], $12::timestamptz[], $13::text[])
         AS t(id, card_id, type, stamps_delta, points_delta, stamps_after, points_after, store_id, staff_id, reward_id, purchase_cents,
           created_at, reason)`,
      [...entries, merchant.id],
    );
    progress(`  ${Math.min(LARGE_CARDS, start + BATCH_CARDS).toLocaleString("en")} cards, ${ledgerRows.toLocaleString("en")} ledger rows`);
  }
  await database.query(
    `UPDATE staff_members s SET last_activity_at = (
       SELECT max(created_at) FROM ledger_entries l WHERE l.merchant_id = s.merchant_id AND l.staff_member_id = s.id)
     WHERE s.merchant_id = $1`,
    [merchant.id],
  );
  progress("Rebuilding the statistics summaries…");
  await prisma.$transaction((tx) => rebuildStats(tx, merchant.id), { timeout: 600_000, maxWait: 60_000 });
  await database.query("ANALYZE");
  return { created: true, merchantId: merchant.id, ownerEmail: LARGE_OWNER_EMAIL, ownerPassword, cards: LARGE_CARDS, ledgerRows };
}
