import "server-only";
import { getConfig } from "@/lib/config";
import { googleWalletState } from "@/lib/wallet/google/google-wallet";

/**
 * Which wallets can take a pass here: Apple counts as configured when its
 * LOYALTY_APPLE_* settings are all present; Google when its LOYALTY_GOOGLE_*
 * settings are present and valid (a readable service account key, a numeric
 * issuer id). Otherwise the card page shows no button for it.
 */
export function walletAvailability(): { apple: boolean; google: boolean } {
  const { apple } = getConfig();
  return {
    apple: !!(apple.passTypeId && apple.teamId && apple.wwdrCertPath && apple.signerCertPath && apple.signerKeyPath),
    google: googleWalletState().state === "ready",
  };
}

/** Which wallet a device's own platform uses, from its User-Agent: that button comes first. */
export function preferredWallet(userAgent: string | null): "apple" | "google" | null {
  if (!userAgent) return null;
  if (/iPhone|iPad|iPod/i.test(userAgent)) return "apple";
  if (/Android/i.test(userAgent)) return "google";
  return null;
}
