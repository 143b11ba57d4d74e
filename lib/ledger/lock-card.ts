import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

/** A card named by its typed number or by its QR payload. */
export type CardRef = { cardNumber: string } | { qrCode: string };

export type LockedCard = {
  id: string;
  merchantId: string;
  cardNumber: string;
  stampCount: number;
  pointsBalance: number;
  lastStampAt: Date | null;
  /** "YYYY-MM-DD" or null. */
  stampDay: string | null;
  stampsOnDay: number;
  lastActivityAt: Date | null;
  version: number;
};

type Row = Omit<LockedCard, "stampDay"> & { stampDay: Date | string | null };

/**
 * Takes the card's row lock for the rest of the transaction (SELECT … FOR
 * UPDATE): concurrent changes to one card run one after the other, each
 * seeing the balances the previous one left. Scoped by merchant: another
 * merchant's card is "not found".
 */
export async function lockCard(tx: Tx, merchantId: string, ref: CardRef): Promise<LockedCard> {
  const rows =
    "cardNumber" in ref
      ? await tx.$queryRaw<Row[]>`
          SELECT id, merchant_id AS "merchantId", card_number AS "cardNumber", stamp_count AS "stampCount",
                 points_balance AS "pointsBalance", last_stamp_at AS "lastStampAt", stamp_day AS "stampDay",
                 stamps_on_day AS "stampsOnDay", last_activity_at AS "lastActivityAt", version
          FROM cards WHERE merchant_id = ${merchantId}::uuid AND card_number = ${ref.cardNumber}
          FOR UPDATE`
      : await tx.$queryRaw<Row[]>`
          SELECT id, merchant_id AS "merchantId", card_number AS "cardNumber", stamp_count AS "stampCount",
                 points_balance AS "pointsBalance", last_stamp_at AS "lastStampAt", stamp_day AS "stampDay",
                 stamps_on_day AS "stampsOnDay", last_activity_at AS "lastActivityAt", version
          FROM cards WHERE merchant_id = ${merchantId}::uuid AND qr_payload = ${ref.qrCode}
          FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", {}, "No card with that number or QR code at this merchant.");
  return { ...row, stampDay: toDayString(row.stampDay) };
}

/** A Postgres `date` comes back as a Date at UTC midnight (or a string from some drivers). */
export function toDayString(value: Date | string | null): string | null {
  if (value === null) return null;
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
