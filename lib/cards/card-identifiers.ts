import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { CARD_NUMBER_BODY_LENGTH, cardNumberFromBody } from "@/lib/domain/card-number";

/** The random identifiers of a new card. Unique indexes catch the (unlikely) collision; callers retry. */
export type CardIdentifiers = {
  cardNumber: string;
  qrPayload: string;
  pageToken: string;
  appleSerial: string;
  appleAuthToken: string;
};

function randomDigits(length: number): string {
  let digits = "";
  // The first digit is never 0, so the number never loses digits in a spreadsheet.
  digits += String(randomInt(1, 10));
  while (digits.length < length) digits += String(randomInt(0, 10));
  return digits;
}

export function generateCardIdentifiers(): CardIdentifiers {
  return {
    cardNumber: cardNumberFromBody(randomDigits(CARD_NUMBER_BODY_LENGTH)),
    // 128 bits each: unguessable.
    qrPayload: `LC1-${randomBytes(16).toString("base64url")}`,
    pageToken: randomBytes(24).toString("base64url"),
    appleSerial: randomBytes(16).toString("hex"),
    appleAuthToken: randomBytes(24).toString("base64url"),
  };
}
