/**
 * The client's address, for rate limits and the audit trail: the last entry
 * of X-Forwarded-For, which is the one the proxy in front of the app added
 * (nginx's $proxy_add_x_forwarded_for, a load balancer's). Earlier entries
 * come from the client and can be anything, so they are never trusted; with
 * no proxy, Next sets the header to the socket's address itself (README,
 * "Scaling out": run the app behind a proxy that appends to the header).
 */
export function clientAddress(header: (name: string) => string | null | undefined): string | null {
  const forwarded = header("x-forwarded-for")
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded?.at(-1) || header("x-real-ip")?.trim() || null;
}
