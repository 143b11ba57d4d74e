/**
 * Amounts in euros typed by a person, as integer cents, without floating
 * point: "12,50" and "12.5" are 1250, "1 000" is 100000. Thousands
 * separators are spaces only (a comma or a dot is the decimal separator);
 * at most two decimals. Anything else is null, so the caller can say so.
 */
export function parseAmountToCents(input: string): number | null {
  const text = input
    .trim()
    .replace(/€/g, "")
    .replace(/[\s\u00a0\u202f]/g, "");
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const euros = match[1]!.replace(/^0+(?=\d)/, "");
  const cents = (match[2] ?? "").padEnd(2, "0");
  // Beyond 15 digits the integer would lose precision: refuse rather than round.
  if (euros.length > 13) return null;
  return Number(euros) * 100 + Number(cents);
}

/** Cents as the text an amount field shows: 1250 → "12.50", 100000 → "1000". */
export function centsToAmountText(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(euros) : `${euros}.${String(rest).padStart(2, "0")}`;
}
