/**
 * Outbox event types. Wallet and mail issues register their handlers against
 * these. The database function apply_balance_change writes the first and the
 * last by name too (prisma/migrations/*_balance_change_function).
 */
export const EVENT_TYPES = {
  /** A card's balances or details changed: update its Apple and Google passes. Coalesced per card. */
  walletCardChanged: "wallet.card_changed",
  /** A program's rules or branding changed: refresh every pass of the program. Coalesced per program. */
  walletProgramChanged: "wallet.program_changed",
  /** A customer erased their data: wallets forget the card's pass (expire the Google object, void and push the Apple pass). */
  walletCardErased: "wallet.card_erased",
  /** A program changed: bring this card's Google object up to date (Google only; coalesced per card). */
  walletGoogleObjectRefresh: "wallet.google_object_refresh",
  /** After an erased card's voided pass was pushed: drop its Apple device registrations (scheduled a little later). */
  appleDropErasedDevices: "wallet.apple_drop_erased_devices",
  /** An email to send (its rendered message is the payload). */
  mailSend: "mail.send",
  /**
   * A card reached a milestone a customer email may follow ("reward available", "one stamp away"); written by the
   * database functions stamp_card and apply_balance_change with the change itself. Decided by a transactional handler.
   */
  cardMilestone: "loyalty.card_milestone",
  /** A ledger entry or an enrollment to fold into the statistics summaries. */
  statsActivity: "stats.activity",
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

export type WalletCardChangedPayload = { cardId: string; version: number };

export type WalletCardErasedPayload = { cardId: string; appleSerial: string; googleObjectId: string | null };
