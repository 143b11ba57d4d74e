import "server-only";

/**
 * The one interface balance changes reach the wallets through (design.md,
 * "Wallets"). Each configured wallet (Apple, Google) registers a provider;
 * with none configured there is nothing to deliver and events complete.
 */
export type WalletProvider = {
  name: string;
  /** Brings this card's pass up to date (push to devices, patch the object). */
  updateCard(cardId: string): Promise<void>;
  /** Brings every pass of a program up to date after its rules or branding changed. */
  updateProgram(programId: string): Promise<void>;
  /**
   * The customer erased their data: stop showing their pass (expire the Google object, whose id the card no
   * longer keeps; void the Apple pass, push it, then drop its device registrations). Optional per provider.
   */
  forgetCard?(card: { cardId: string; appleSerial: string; googleObjectId: string | null }): Promise<void>;
};

const providers: WalletProvider[] = [];

export function registerWalletProvider(provider: WalletProvider): void {
  if (!providers.some((existing) => existing.name === provider.name)) providers.push(provider);
}

export function walletProviders(): readonly WalletProvider[] {
  return providers;
}

/** Every provider is tried; the first failure is reported after the others ran, so one wallet's outage does not hold back the other. */
async function each(run: (provider: WalletProvider) => Promise<void>): Promise<void> {
  const results = await Promise.allSettled(providers.map(run));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failure) throw failure.reason;
}

export function updateCardPasses(cardId: string): Promise<void> {
  return each((provider) => provider.updateCard(cardId));
}

export function updateProgramPasses(programId: string): Promise<void> {
  return each((provider) => provider.updateProgram(programId));
}

export function forgetCardPasses(card: { cardId: string; appleSerial: string; googleObjectId: string | null }): Promise<void> {
  return each(async (provider) => provider.forgetCard?.(card));
}
