import type { LedgerEntryType } from "@/lib/db/generated/enums";

/**
 * What the statistics need to know about one ledger entry or enrollment,
 * computed in the transaction that made it (days are merchant-local).
 */
export type ActivityEvent = {
  merchantId: string;
  kind: LedgerEntryType | "card_enrolled";
  /** "YYYY-MM-DD" in the merchant's time zone. */
  day: string;
  storeId: string | null;
  staffMemberId: string | null;
  stampsDelta: number;
  pointsDelta: number;
  purchaseCents: number | null;
  /** This entry brought a stamp card to its target. */
  rewardEarned: boolean;
  /** The card's stamp count after the entry (0 for an enrollment): it moves the card between card_stamp_counts rows. */
  stampsAfter: number;
  /** The card's latest-activity day before and after (it moves between CardActivityDay buckets). */
  previousActivityDay: string | null;
  activityDay: string;
};
