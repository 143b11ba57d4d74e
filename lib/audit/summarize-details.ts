/** One line of an audit entry's details: a field and its value, or what it was and what it became. */
export type DetailItem = { field: string; value: DetailValue } | { field: string; before: DetailValue; after: DetailValue };

/** A value put in a few words: text as it is (shortened), a number, a yes/no, nothing, or a count of items. */
export type DetailValue =
  { kind: "text"; text: string } | { kind: "boolean"; value: boolean } | { kind: "empty" } | { kind: "items"; count: number };

const MAX_TEXT = 80;

/**
 * The details an audit entry recorded, as short lines. `{ before, after }`
 * (as the settings record them) becomes one line per changed field; any other
 * object, one line per field. Ids are left out: they mean nothing to a reader.
 */
export function summarizeDetails(details: unknown): DetailItem[] {
  if (!isRecord(details)) return details === null || details === undefined ? [] : [{ field: "", value: valueOf(details) }];
  if (isRecord(details.before) && isRecord(details.after)) {
    const before = details.before;
    const after = details.after;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields.map((field) => ({ field, before: valueOf(before[field]), after: valueOf(after[field]) }));
  }
  return Object.entries(details)
    .filter(([field]) => !/(^id|Id|Ids)$/.test(field))
    .map(([field, value]) => ({ field, value: valueOf(value) }));
}

function valueOf(value: unknown): DetailValue {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (typeof value === "string") return { kind: "text", text: shorten(value) };
  if (typeof value === "number") return { kind: "text", text: String(value) };
  if (Array.isArray(value)) {
    return value.every((item) => typeof item === "string" || typeof item === "number")
      ? { kind: "text", text: shorten(value.join(", ")) }
      : { kind: "items", count: value.length };
  }
  return { kind: "text", text: shorten(JSON.stringify(value)) };
}

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
