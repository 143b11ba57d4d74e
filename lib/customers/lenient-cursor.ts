import { decodeCursor, type Cursor } from "@/lib/cards/cursor";

/** A page link's cursor; one that does not decode (edited by hand, from an old version) starts again at the first page. */
export function lenientCursor(after: string | undefined): Cursor | undefined {
  if (!after) return undefined;
  try {
    return decodeCursor(after);
  } catch {
    return undefined;
  }
}
