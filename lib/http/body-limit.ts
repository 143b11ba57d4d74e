/** Bodies larger than this are refused before parsing, by every API route (proxy.ts and lib/http/read-body.ts). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Headers for the answer to a body that is too large: the connection is closed
 * after it instead of being kept alive, so Node does not go on reading and
 * discarding the rest of the body for the next request on it.
 */
export const CLOSE_AFTER_REFUSAL = { connection: "close" } as const;

/**
 * Whether an API request's body is over the limit: by its Content-Length, or,
 * without one (chunked), by reading at most the limit plus one chunk of it.
 * proxy.ts asks, so every API route answers an oversized body the same way.
 */
export async function bodyOverLimit(request: Request, limit = MAX_BODY_BYTES): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return !(Number(declared) <= limit);
  if (!request.body) return false;
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return true;
    }
  }
}
