/**
 * Field messages travel as keys of messages/*.json (with their values),
 * and are put into words at the edge: English for the API, the person's
 * language in the dashboard. "validation.max|{"maximum":100}" carries a value.
 */
export type MessageKey = string;

export function messageKey(key: string, values?: Record<string, string | number>): MessageKey {
  return values ? `${key}|${JSON.stringify(values)}` : key;
}

export function parseMessageKey(message: string): { key: string; values: Record<string, string | number> } | null {
  if (!/^(validation|errors)\./.test(message)) return null;
  const bar = message.indexOf("|");
  if (bar === -1) return { key: message, values: {} };
  try {
    return { key: message.slice(0, bar), values: JSON.parse(message.slice(bar + 1)) as Record<string, string | number> };
  } catch {
    return { key: message.slice(0, bar), values: {} };
  }
}
