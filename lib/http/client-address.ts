/**
 * The client's address, for rate limits and the audit trail: the last entry
 * of X-Forwarded-For. The served app sets that header to the one address it
 * resolved (resolveClientAddress, through forwardedForFastPath) before any
 * route sees the request; the fallbacks serve `next dev`, where no fast path
 * runs and the header is the proxy's or the socket's (Next sets it).
 */
export function clientAddress(header: (name: string) => string | null | undefined): string | null {
  const forwarded = header("x-forwarded-for")
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded?.at(-1) || header("x-real-ip")?.trim() || null;
}

/**
 * The client's address from the connection's address and the X-Forwarded-For
 * it came with, given how many proxies in front of the app each append the
 * address they received from (LOYALTY_TRUSTED_PROXIES). Counting back from
 * the connection, each trusted proxy vouches for one more entry; what lies
 * before those was written by the client and is never taken, so a client
 * cannot pick its own address. With fewer entries than proxies (a request
 * that did not come through all of them) the first entry is taken.
 */
export function resolveClientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedProxies: number,
): string | undefined {
  // Without the connection's address (a socket already closed) nothing in the header is vouched for.
  if (!socketAddress) return undefined;
  const entries = [forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(","))
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.push(socketAddress);
  return entries[Math.max(0, entries.length - 1 - trustedProxies)];
}
