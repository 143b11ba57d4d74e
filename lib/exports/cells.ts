import "server-only";
import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";

/**
 * How values become CSV cells. A cell is text (passed through `textCell`),
 * a number, or empty (null). csv-stringify does the quoting; these helpers
 * decide what the spreadsheet sees.
 */
export type CsvCell = string | number | null;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
 * injection"): = + - @, tab and carriage return, and their full-width forms,
 * which Apple Numbers normalizes to the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell of free text (names, references, reasons): a leading formula
 * character gets a single quote in front, so "=HYPERLINK(…)" typed as a name
 * is shown, never run. Numbers are not text cells and are never prefixed.
 */
export function textCell(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Integer cents as euros with two decimals and a dot: 1250 → "12.50", -5 → "-0.05"; empty when none. */
export function eurosCell(cents: number | null): string | null {
  if (cents === null) return null;
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** An instant as ISO 8601 with the offset of the time zone at that instant: "2026-03-29T09:15:00+02:00". */
export function localTimestampCell(instant: Date | null, timeZone: string): string | null {
  if (instant === null) return null;
  return formatISO(new TZDate(instant.getTime(), timeZone));
}

export function yesNoCell(value: boolean | null): string | null {
  if (value === null) return null;
  return value ? "yes" : "no";
}
