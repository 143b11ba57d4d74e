import "server-only";

import { MAX_BODY_BYTES } from "./body-limit";

export { CLOSE_AFTER_REFUSAL, MAX_BODY_BYTES } from "./body-limit";

/**
 * A request body as text, or null when it is larger than `limit` bytes. A
 * declared Content-Length over the limit is refused before a byte is read; a
 * body without one (chunked) is read chunk by chunk and dropped as soon as it
 * passes the limit, so no client can make the server buffer more than that.
 */
export async function readBoundedText(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON body, `undefined` when it is not valid JSON, or null when it is too large (for routes that answer without problem+json). */
export async function readBoundedJson(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<{ tooLarge: true } | { tooLarge: false; value: unknown }> {
  const text = await readBoundedText(request, limit);
  if (text === null) return { tooLarge: true };
  try {
    return { tooLarge: false, value: JSON.parse(text) as unknown };
  } catch {
    return { tooLarge: false, value: undefined };
  }
}
