import { TZDate } from "@date-fns/tz";

/**
 * Calendar days in a merchant's time zone. Daily limits count stamps per
 * local day, so a day is 23 or 25 hours long across daylight-saving switches.
 */

// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one, and every stamp asks.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** "YYYY-MM-DD": the local calendar day of an instant in the time zone. */
export function localDayOf(instant: Date, timeZone: string): string {
  let year = "";
  let month = "";
  let day = "";
  for (const part of dayFormat(timeZone).formatToParts(instant)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
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
