import "server-only";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import { registerWalletProvider } from "@/lib/wallet/wallet-service";
import { googleWallet } from "./google-wallet";
import { syncLoyaltyClass } from "./loyalty-class";
import { expireLoyaltyObject, updateLoyaltyObject } from "./loyalty-object";

/**
 * A program's rules or branding changed: its class is inserted or patched, and
 * every saved object of the program is marked stale and queued for a patch of
 * its own (its reward texts follow the rules), one outbox event per card so
 * the rate limit and retries apply to each, not one long delivery.
 */
export async function refreshGoogleProgram(programId: string, now: Date = systemClock.now()): Promise<void> {
  const wallet = googleWallet();
  if (!wallet) return;
  await syncLoyaltyClass(wallet, programId, now);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE cards SET google_pass_version = NULL WHERE program_id = ${programId}::uuid AND google_object_id IS NOT NULL`;
    await tx.$executeRaw`
      INSERT INTO outbox_events (id, merchant_id, type, payload, coalesce_key, next_attempt_at, created_at, updated_at)
      SELECT gen_random_uuid(), merchant_id, ${EVENT_TYPES.walletGoogleObjectRefresh}, jsonb_build_object('cardId', id), 'google:' || id,
             ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM cards WHERE program_id = ${programId}::uuid AND google_object_id IS NOT NULL`;
  });
}

/** Brings one card's Google object up to date (no-op when Google Wallet is off or the card was never saved there). */
export async function refreshGoogleObject(cardId: string, now: Date = systemClock.now()): Promise<void> {
  const wallet = googleWallet();
  if (wallet) await updateLoyaltyObject(wallet, cardId, now);
}

/** Registers Google Wallet with the wallet service; its calls do nothing while Google Wallet is not configured. */
export function registerGoogleWalletProvider(): void {
  registerWalletProvider({
    name: "google",
    updateCard: (cardId) => refreshGoogleObject(cardId),
    updateProgram: (programId) => refreshGoogleProgram(programId),
    forgetCard: async (card) => {
      const wallet = googleWallet();
      if (wallet && card.googleObjectId) await expireLoyaltyObject(wallet, { cardId: card.cardId, googleObjectId: card.googleObjectId });
    },
  });
}
