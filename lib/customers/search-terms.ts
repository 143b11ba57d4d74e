import { CARD_NUMBER_LENGTH } from "@/lib/domain/card-number";

/**
 * What a person typed in the customer search, read the way they meant it:
 * a phone or card number (digits, with the spaces, dashes, dots, brackets
 * or "+" people type), or words of a name and emails. The database matches
 * these terms (see lib/customers/find-card-page.ts and the customer_search
 * migration); accents are folded there, on both sides.
 */
export type SearchTerms =
  | { kind: "none" }
  /** Card numbers starting with `cardPrefix`, or phones ending in `phoneTail`. */
  | { kind: "number"; cardPrefix: string | null; phoneTail: string }
  /** Every word starts a word of the name or of the email's local part, and every email starts the email. */
  | { kind: "text"; words: string[]; emails: string[] };

/** Fewer digits than this are read as words: "12" finds names and emails with 12 in them. */
export const MIN_NUMBER_DIGITS = 4;
const MAX_TERMS = 8;
const PHONE_TAIL_DIGITS = 8;
const MAX_TERM_LENGTH = 60;

export function parseSearchTerms(input: string | undefined | null): SearchTerms {
  const text = (input ?? "").trim();
  if (text === "") return { kind: "none" };

  if (/^\+?[\d\s().\-/]+$/.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length >= MIN_NUMBER_DIGITS) {
      return { kind: "number", cardPrefix: digits.length <= CARD_NUMBER_LENGTH ? digits : null, phoneTail: phoneTail(digits) };
    }
  }

  const words: string[] = [];
  const emails: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (token.includes("@")) {
      // Only characters an address has: the term then needs no quoting in a tsquery.
      const email = token.toLowerCase().replace(/[^\p{L}\p{N}@._+-]/gu, "");
      if (email !== "") emails.push(email.slice(0, MAX_TERM_LENGTH));
    } else {
      for (const word of token.match(/[\p{L}\p{N}]+/gu) ?? []) words.push(word.slice(0, MAX_TERM_LENGTH));
    }
  }
  return { kind: "text", words: words.slice(0, MAX_TERMS), emails: emails.slice(0, MAX_TERMS) };
}

/**
 * The end of a phone number that stays the same however it was typed or
 * stored: at most its last 8 digits, which leave out a country code
 * ("+352 621 123 456", "00352 621 123 456" and "621 123 456" all end in
 * 21123456), and without a leading international "00" or national "0"
 * when shorter.
 */
function phoneTail(digits: string): string {
  if (digits.length > PHONE_TAIL_DIGITS) return digits.slice(-PHONE_TAIL_DIGITS);
  const tail = digits.replace(/^00?/, "");
  return tail.length >= MIN_NUMBER_DIGITS ? tail : digits;
}

/** The first and last card numbers that start with these digits (card numbers all have the same length). */
export function cardNumberRange(prefix: string): { from: string; to: string } {
  return { from: prefix.padEnd(CARD_NUMBER_LENGTH, "0"), to: prefix.padEnd(CARD_NUMBER_LENGTH, "9") };
}
