import { TZDate } from "@date-fns/tz";

/**
 * Calendar days in a merchant's time zone. Daily limits count stamps per
 * local day, so a day is 23 or 25 hours long across daylight-saving switches.
 */

/** "YYYY-MM-DD": the local calendar day of an instant in the time zone. */
export function localDayOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  const month = String(local.getMonth() + 1).padStart(2, "0");
  const day = String(local.getDate()).padStart(2, "0");
  return `${local.getFullYear()}-${month}-${day}`;
}

/** The first instant of the local day after the one `instant` falls in. */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timeZone).getTime());
}

/** Whether a string names a time zone the runtime knows (IANA, e.g. "Europe/Luxembourg"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day `days` after (or before, when negative) a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}
