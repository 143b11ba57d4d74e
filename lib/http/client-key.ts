import "server-only";

/** The client's address as the proxy in front reports it, for rate limits (never stored as such). */
export function clientKeyOf(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}
