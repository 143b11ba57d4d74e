/** The most of a request body Next copies for proxy.ts (experimental.proxyClientMaxBodySize in next.config.mjs). */
const PROXY_BODY_COPY_BYTES = 1.1 * 1000 * 1000;

/**
 * Whether a POST carries a multipart form body that cannot be parsed, where
 * Next would parse it itself: it takes a multipart POST to any page without a
 * Next-Action header for a form submitted without JavaScript to a server
 * action, and a malformed one made it throw (a 500). proxy.ts answers 400
 * instead. Larger bodies than the proxy's copy are left to Next, which refuses
 * them by its own limit; requests with Next-Action are answered 400 by Next.
 */
export async function unreadableFormPost(request: Request): Promise<boolean> {
  if (request.method !== "POST" || request.headers.has("next-action")) return false;
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) return false;
  if (Number(request.headers.get("content-length")) > PROXY_BODY_COPY_BYTES) return false;
  try {
    await request.formData();
    return false;
  } catch {
    return true;
  }
}
