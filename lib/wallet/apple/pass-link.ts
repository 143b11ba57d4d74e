import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/config";

/** How long the card page's "Add to Apple Wallet" link works. */
export const PASS_LINK_TTL_SECONDS = 15 * 60;

function signature(serialNumber: string, expires: number): string {
  return createHmac("sha256", getConfig().secrets.secretKey).update(`apple-pass:${serialNumber}:${expires}`).digest("base64url");
}

/**
 * The download link of a card's pass, for the card's owner on their web card
 * page: signed with the server secret and expiring, so a serial number
 * alone (printed nowhere, but still) never downloads someone's pass.
 */
export function applePassLink(serialNumber: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + PASS_LINK_TTL_SECONDS;
  return `/api/v1/loyalty/passes/apple/${encodeURIComponent(serialNumber)}.pkpass?expires=${expires}&sig=${signature(serialNumber, expires)}`;
}

/** Whether a download link's expiry and signature are this server's and still valid. */
export function verifyApplePassLink(serialNumber: string, expires: string | null, sig: string | null, now: Date): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return false;
  const expiresAt = Number(expires);
  if (expiresAt * 1000 < now.getTime()) return false;
  const expected = Buffer.from(signature(serialNumber, expiresAt));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
