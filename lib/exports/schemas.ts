import { z } from "zod";

/**
 * Parameters of the CSV exports, shared by the dashboard's export form and
 * the route that streams the file. No server-only imports here. Messages are
 * keys of messages/*.json ("validation.dateRange": "The end date must be on
 * or after the start date."), put into words where they are shown.
 */

/** The widest transactions export, in days between `from` and `to`: one year, leap years included. */
export const MAX_EXPORT_RANGE_DAYS = 366;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a "YYYY-MM-DD" string, or null when no such calendar day exists (2026-02-30). */
function dayNumber(value: string): number | null {
  const match = DAY_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / 86_400_000);
}

const calendarDaySchema = z
  .string()
  .regex(DAY_PATTERN, { message: "validation.date", abort: true })
  // 2026-02-30 has the right shape but is no day of the calendar.
  .refine((value) => dayNumber(value) !== null, "validation.date");

export const transactionsExportRangeSchema = z
  .object({
    from: calendarDaySchema.meta({
      description: "First calendar day of the export, in the merchant's time zone (included).",
      example: "2026-03-01",
    }),
    to: calendarDaySchema.meta({
      description: "Last calendar day of the export, in the merchant's time zone (included).",
      example: "2026-03-31",
    }),
  })
  .superRefine((range, ctx) => {
    const from = dayNumber(range.from);
    const to = dayNumber(range.to);
    if (from === null || to === null) return;
    if (from > to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "validation.dateRange" });
    } else if (to - from > MAX_EXPORT_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "validation.dateRangeTooLong" });
    }
  });

export type TransactionsExportRange = z.infer<typeof transactionsExportRangeSchema>;
