import "server-only";
import { db } from "@/lib/db";
import { usesStamps, type ProgramType } from "@/lib/domain/program-features";
import { firstNameOf } from "./counter-views";

export type CollectView =
  | { status: "unknown_store" }
  | {
      status: "ok";
      store: { id: string; name: string; code: string };
      merchant: { id: string; name: string; suspended: boolean; timeZone: string };
      program: { type: ProgramType; stampsTarget: number; stampsRewardDescription: string | null; stamps: boolean } | null;
      /** The card this phone holds at the store's merchant, if any. */
      card: { cardNumber: string; firstName: string | null; stampCount: number; pointsBalance: number } | null;
    };

/**
 * What a phone sees at /join/<storeCode>/collect: the store, and the card of that store's merchant
 * among the cards this phone holds (their page tokens, from the held-cards cookie). Identifying a
 * card grants nothing: adding the stamp takes a staff PIN.
 */
export async function getCollectView(storeCode: string, heldPageTokens: string[]): Promise<CollectView> {
  const store = await db.store.findFirst({
    where: { code: storeCode.toUpperCase(), archivedAt: null },
    select: {
      id: true,
      name: true,
      code: true,
      merchant: {
        select: {
          id: true,
          name: true,
          status: true,
          timeZone: true,
          program: { select: { type: true, stampsTarget: true, stampsRewardDescription: true } },
        },
      },
    },
  });
  if (!store) return { status: "unknown_store" };
  const { merchant } = store;
  const card = heldPageTokens.length
    ? await db.card.findFirst({
        where: { merchantId: merchant.id, pageToken: { in: heldPageTokens } },
        select: { cardNumber: true, stampCount: true, pointsBalance: true, customer: { select: { name: true, erasedAt: true } } },
      })
    : null;
  return {
    status: "ok",
    store: { id: store.id, name: store.name, code: store.code },
    merchant: { id: merchant.id, name: merchant.name, suspended: merchant.status === "suspended", timeZone: merchant.timeZone },
    program: merchant.program ? { ...merchant.program, stamps: usesStamps(merchant.program.type) } : null,
    card: card
      ? {
          cardNumber: card.cardNumber,
          firstName: card.customer.erasedAt ? null : firstNameOf(card.customer.name),
          stampCount: card.stampCount,
          pointsBalance: card.pointsBalance,
        }
      : null,
  };
}
