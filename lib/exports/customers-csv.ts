import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { ServiceContext } from "@/lib/service-context";
import { localTimestampCell, textCell, yesNoCell, type CsvCell } from "./cells";
import { csvStream, EXPORT_BATCH_SIZE, keysetPages } from "./csv-stream";
import { merchantTimeZone } from "./merchant-time-zone";

export const CUSTOMERS_CSV_COLUMNS = [
  "card_number",
  "name",
  "email",
  "phone",
  "birthday",
  "locale",
  "email_consent",
  "email_consent_at",
  "email_consent_version",
  "stamps",
  "points",
  "lifetime_stamps",
  "lifetime_points",
  "rewards_redeemed",
  "enrolled_at",
  "enrolled_store",
  "last_activity_at",
] as const;

type CardRow = {
  id: string;
  createdAt: Date;
  cardNumber: string;
  erased: boolean;
  name: string | null;
  email: string | null;
  phone: string | null;
  birthday: string | null;
  locale: string;
  emailConsent: boolean;
  emailConsentAt: Date | null;
  emailConsentVersion: string | null;
  stampCount: number;
  pointsBalance: number;
  stampsEarned: number;
  pointsEarned: number;
  stampRewardsRedeemed: number;
  enrolledStore: string | null;
  lastActivityAt: Date | null;
};

/**
 * Every card of the merchant with its customer, newest first, as a CSV
 * stream (see csvStream). Times are ISO 8601 with the merchant's offset,
 * like the transactions export. A customer whose personal data was erased
 * keeps the card's row and totals, with every personal field empty.
 */
export function exportCustomersCsv(ctx: ServiceContext): ReadableStream<Uint8Array> {
  return csvStream(CUSTOMERS_CSV_COLUMNS, customerRecords(ctx));
}

async function* customerRecords(ctx: ServiceContext): AsyncGenerator<CsvCell[][]> {
  const timeZone = await merchantTimeZone(ctx);
  for await (const rows of keysetPages((after: CardRow | undefined) => readCards(ctx.merchantId, after))) {
    yield rows.map((row) => customerRecord(row, timeZone));
  }
}

/** One page of cards after `after` in (created_at DESC, id DESC) order. */
function readCards(merchantId: string, after: CardRow | undefined): Promise<CardRow[]> {
  // ISO strings with an explicit zone: the bound is the same instant whatever the session's TimeZone.
  const afterClause = after
    ? Prisma.sql`AND (c.created_at, c.id) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  return db.$queryRaw<CardRow[]>`
    SELECT c.id, c.created_at AS "createdAt", c.card_number AS "cardNumber",
           (cu.erased_at IS NOT NULL) AS erased, cu.name, cu.email, cu.phone,
           to_char(cu.birthday, 'YYYY-MM-DD') AS birthday, cu.locale,
           cu.email_consent AS "emailConsent", cu.email_consent_at AS "emailConsentAt",
           cu.email_consent_version AS "emailConsentVersion",
           c.stamp_count AS "stampCount", c.points_balance AS "pointsBalance",
           c.stamps_earned AS "stampsEarned", c.points_earned AS "pointsEarned",
           c.stamp_rewards_redeemed AS "stampRewardsRedeemed",
           s.name AS "enrolledStore", c.last_activity_at AS "lastActivityAt"
    FROM cards c
    JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN stores s ON s.id = c.created_store_id AND s.merchant_id = c.merchant_id
    WHERE c.merchant_id = ${merchantId}::uuid ${afterClause}
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT ${EXPORT_BATCH_SIZE}`;
}

function customerRecord(row: CardRow, timeZone: string): CsvCell[] {
  // Erased: the row stays for the totals, but nothing that describes the person does.
  const person = row.erased ? null : row;
  return [
    textCell(row.cardNumber),
    textCell(person?.name),
    textCell(person?.email),
    textCell(person?.phone),
    person?.birthday ?? null,
    textCell(person?.locale),
    person ? yesNoCell(person.emailConsent) : null,
    localTimestampCell(person?.emailConsentAt ?? null, timeZone),
    textCell(person?.emailConsentVersion),
    row.stampCount,
    row.pointsBalance,
    row.stampsEarned,
    row.pointsEarned,
    row.stampRewardsRedeemed,
    localTimestampCell(row.createdAt, timeZone),
    textCell(row.enrolledStore),
    localTimestampCell(row.lastActivityAt, timeZone),
  ];
}
