import { PIN_MIN_LENGTH } from "./pin-policy";

/** PINs anyone would try first: one digit repeated, or a run up or down (1234, 9876). */
export function isGuessablePin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, index) => digit - digits[index]!);
  return steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

/**
 * A PIN to suggest when a manager creates a staff member: random digits
 * (randomness is passed in: `randomDigit` returns 0-9), never a guessable one.
 */
export function suggestPin(randomDigit: () => number, length = PIN_MIN_LENGTH): string {
  for (;;) {
    const pin = Array.from({ length }, () => String(randomDigit() % 10)).join("");
    if (!isGuessablePin(pin)) return pin;
  }
}
