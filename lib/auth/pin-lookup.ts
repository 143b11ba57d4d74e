import "server-only";
import { createHmac } from "node:crypto";

/**
 * The keyed lookup digest of a staff PIN: HMAC-SHA256 under the server secret,
 * bound to the merchant. A PIN-only request finds its staff member by this
 * digest and then verifies one argon2 hash, instead of trying every hash.
 * Without the server secret the digests say nothing about the PINs.
 */
export function pinLookupDigest(secretKey: string, merchantId: string, pin: string): string {
  return createHmac("sha256", secretKey).update(`staff-pin\0${merchantId}\0${pin}`).digest("base64url");
}
