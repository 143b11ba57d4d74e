/**
 * Phones are stored as typed digits with an optional leading "+"
 * ("+352 621 12-34-56" → "+352621123456"), so a search by digits finds them
 * however they were spaced.
 */
export function normalizePhone(input: string): string {
  const trimmed = input.trim();
  return `${trimmed.startsWith("+") ? "+" : ""}${trimmed.replace(/\D/g, "")}`;
}
