import { parseMessageKey } from "./message-key";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Puts field messages into words; a message that is not a key is kept as it is. */
export function translateFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
  t: Translate,
): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages.map((message) => {
        const parsed = parseMessageKey(message);
        if (!parsed) return message;
        try {
          return t(parsed.key, parsed.values);
        } catch {
          return message;
        }
      }),
    ]),
  );
}
