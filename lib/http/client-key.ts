import "server-only";
import { clientAddress } from "@/lib/http/client-address";

/** The client's address as the proxy in front reports it, for rate limits (never stored as such). */
export function clientKeyOf(request: Request): string {
  return clientAddress((name) => request.headers.get(name)) ?? "unknown";
}
