/**
 * Card numbers are typed at the counter, so they carry a Luhn check digit:
 * any single mistyped digit and most swaps of neighbours are caught as the
 * number is typed, before any lookup. 11 random digits + 1 check digit,
 * shown in groups of four.
 */

export const CARD_NUMBER_BODY_LENGTH = 11;
export const CARD_NUMBER_LENGTH = CARD_NUMBER_BODY_LENGTH + 1;

/** The Luhn check digit for a string of digits. */
export function luhnCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError("luhnCheckDigit expects digits only");
  let sum = 0;
  // Double every second digit counting from the right of the body (the check digit will sit right of it).
  for (let i = 0; i < body.length; i++) {
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The full card number for an 11-digit body. */
export function cardNumberFromBody(body: string): string {
  if (!new RegExp(`^\\d{${CARD_NUMBER_BODY_LENGTH}}$`).test(body)) {
    throw new RangeError(`a card number body has ${CARD_NUMBER_BODY_LENGTH} digits`);
  }
  return `${body}${luhnCheckDigit(body)}`;
}

/** Removes spaces and dashes a person may type or a display may add. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export type CardNumberCheck =
  { ok: true; cardNumber: string } | { ok: false; reason: "not_digits" | "too_short" | "too_long" | "check_digit" };

/** Checks a typed card number: digits, length, then the check digit. */
export function checkCardNumber(input: string): CardNumberCheck {
  const digits = normalizeCardNumber(input);
  if (!/^\d*$/.test(digits)) return { ok: false, reason: "not_digits" };
  if (digits.length < CARD_NUMBER_LENGTH) return { ok: false, reason: "too_short" };
  if (digits.length > CARD_NUMBER_LENGTH) return { ok: false, reason: "too_long" };
  const body = digits.slice(0, -1);
  return luhnCheckDigit(body) === Number(digits.at(-1)) ? { ok: true, cardNumber: digits } : { ok: false, reason: "check_digit" };
}

/** "1234 5678 9012" */
export function formatCardNumber(cardNumber: string): string {
  return normalizeCardNumber(cardNumber).replace(/(\d{4})(?=\d)/g, "$1 ");
}
