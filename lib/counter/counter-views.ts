import type { ProgramType } from "@/lib/domain/program-features";

/** What the counter screen needs of its store and program (plain data for the client). */
export type CounterScreen = {
  device: { id: string; name: string };
  store: { id: string; name: string; code: string; archived: boolean };
  merchant: { name: string; suspended: boolean; timeZone: string };
  program: {
    type: ProgramType;
    stampsTarget: number;
    stampsRewardDescription: string | null;
    pointsPerEuro: number;
    maxPurchaseCents: number;
    rewards: { id: string; name: string; pointsCost: number }[];
    idleSeconds: number;
  } | null;
  /** The staff tiles: active members allowed at this store. */
  staff: { id: string; name: string; locked: boolean }[];
};

/** A card as the cashier sees it: enough to serve, little about the person. */
export type CounterCard = {
  cardNumber: string;
  /** Null when the customer gave no name or was erased. */
  firstName: string | null;
  stampCount: number;
  stampsTarget: number;
  pointsBalance: number;
  /** The stamp card is full: its reward can be redeemed. */
  stampRewardAvailable: boolean;
  /** Catalog rewards the points balance covers. */
  rewardsCovered: { id: string; name: string; pointsCost: number }[];
  lastVisitAt: string | null;
};

/** A search hit: a first name, a hint to tell namesakes apart, and the card. */
export type CounterSearchHit = {
  cardNumber: string;
  firstName: string | null;
  hint: string | null;
  stampCount: number;
  pointsBalance: number;
};

export function firstNameOf(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}
