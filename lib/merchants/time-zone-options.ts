/** A time zone in the settings form's list: its id, and a label like "Argentina – Buenos Aires (UTC−03:00)". */
export type TimeZoneOption = { value: string; label: string };
/** Zones grouped by the first part of their id (Europe, America…); "UTC" stands alone in the group "". */
export type TimeZoneGroup = { region: string; zones: TimeZoneOption[] };

/** The zones grouped by region for a select, each with its offset from UTC at `now` (it changes with daylight saving time). */
export function timeZoneGroups(zones: readonly string[], now: Date): TimeZoneGroup[] {
  const groups = new Map<string, TimeZoneOption[]>();
  for (const zone of zones) {
    const slash = zone.indexOf("/");
    const region = slash === -1 ? "" : zone.slice(0, slash);
    const place = (slash === -1 ? zone : zone.slice(slash + 1)).replaceAll("_", " ").replaceAll("/", " – ");
    const list = groups.get(region) ?? [];
    list.push({ value: zone, label: `${place} (${utcOffset(zone, now)})` });
    groups.set(region, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, list]) => ({ region, zones: list.sort((a, b) => a.label.localeCompare(b.label)) }));
}

/** "UTC+01:00", "UTC−03:00", "UTC+00:00" at that instant. */
export function utcOffset(zone: string, now: Date): string {
  const name = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(now)
    .find((part) => part.type === "timeZoneName")?.value;
  if (!name || name === "GMT") return "UTC+00:00";
  return name.replace("GMT", "UTC").replace("-", "−");
}
