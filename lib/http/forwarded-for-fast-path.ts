import "server-only";
import { resolveClientAddress } from "./client-address";
import type { FastPath } from "./fast-path";

/**
 * First of the fast paths (scripts/serve.mjs): answers nothing, and leaves every request with an
 * X-Forwarded-For of one address, the client's as LOYALTY_TRUSTED_PROXIES says to read it, so that
 * the fast paths and Next's routes after it (clientAddress) all see the same address.
 */
export function forwardedForFastPath(trustedProxies: number): FastPath {
  return (req) => {
    const address = resolveClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trustedProxies);
    if (address) req.headers["x-forwarded-for"] = address;
    else delete req.headers["x-forwarded-for"];
    return false;
  };
}
