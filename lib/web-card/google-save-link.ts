import "server-only";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { googleWallet, GoogleApiError } from "@/lib/wallet/google/google-wallet";
import { createLoyaltyObject } from "@/lib/wallet/google/loyalty-object";
import { saveUrl, signSaveJwt } from "@/lib/wallet/google/save-jwt";
import { findCardByPageToken } from "./find-card-by-page-token";

/**
 * The "Save to Google Wallet" link behind the card page's button: the card's
 * loyalty object is inserted on the first tap, then the link carries a JWT
 * signed with the service account key that names it. NOT_FOUND when Google
 * Wallet is not configured or the card is unknown or erased;
 * SERVICE_UNAVAILABLE when Google could not be reached or refused.
 */
export async function googleSaveLink(pageToken: string, clock: Clock): Promise<string> {
  const wallet = googleWallet();
  if (!wallet) throw new AppError("NOT_FOUND", {}, "Google Wallet is not set up on this server.");
  const card = await findCardByPageToken(pageToken);
  if (!card) throw new AppError("NOT_FOUND", {}, "No such card.");
  const now = clock.now();
  let object;
  try {
    object = await createLoyaltyObject(wallet, card.id, now);
  } catch (error) {
    if (error instanceof GoogleApiError) {
      throw new AppError("SERVICE_UNAVAILABLE", { retryAfter: 30 }, "Google Wallet did not take the card just now: try again in a moment.");
    }
    throw error;
  }
  if (!object) throw new AppError("NOT_FOUND", {}, "No such card.");
  return saveUrl(signSaveJwt(wallet.credentials, { origin: new URL(wallet.publicUrl).origin, object, now }));
}
