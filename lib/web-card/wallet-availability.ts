import "server-only";
import { getConfig } from "@/lib/config";

/**
 * Which wallets can take a pass here: a wallet counts as configured when its
 * LOYALTY_APPLE_* / LOYALTY_GOOGLE_* settings are all present. Without them
 * the card page shows no button for it.
 */
export function walletAvailability(): { apple: boolean; google: boolean } {
  const { apple, google } = getConfig();
  return {
    apple: !!(apple.passTypeId && apple.teamId && apple.wwdrCertPath && apple.signerCertPath && apple.signerKeyPath),
    google: !!(google.issuerId && google.serviceAccountJson),
  };
}

/** Which wallet a device's own platform uses, from its User-Agent: that button comes first. */
export function preferredWallet(userAgent: string | null): "apple" | "google" | null {
  if (!userAgent) return null;
  if (/iPhone|iPad|iPod/i.test(userAgent)) return "apple";
  if (/Android/i.test(userAgent)) return "google";
  return null;
}
