import "server-only";
import { TZDate } from "@date-fns/tz";

/**
 * The instants [start, end) covered by the calendar days `from` to `to`
 * (both included, "YYYY-MM-DD") in a time zone. Each bound is the first
 * instant of a local day, so a range across a daylight-saving switch covers
 * its 23- or 25-hour day exactly; where a switch skips midnight, the day
 * starts at the first local time that exists (01:00).
 */
export function localDayRange(range: { from: string; to: string }, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(range.from, 0, timeZone), end: startOfLocalDay(range.to, 1, timeZone) };
}

/** The first instant of the local day `offset` days after `day`. */
function startOfLocalDay(day: string, offset: number, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + offset, 0, 0, 0, timeZone).getTime());
}
