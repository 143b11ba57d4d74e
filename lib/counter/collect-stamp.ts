import "server-only";
import { addStamp, type StampResult } from "@/lib/cards/add-stamp";
import type { Clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { hashRequest } from "@/lib/ledger/idempotency";
import type { RequestInfo, ServiceContext } from "@/lib/service-context";
import { getCollectView } from "./get-collect-view";

/**
 * "Collect a stamp here" on the customer's phone: the stamp goes on the card this phone holds at
 * the store's merchant, for that store, when a staff member types their PIN on the phone. This is
 * the PIN-only flow: the PIN finds its staff member, and wrong PINs count against the store and
 * this client (its address), which are locked after too many.
 */
export async function collectStamp(
  input: { storeCode: string; pin: string; idempotencyKey: string },
  heldPageTokens: string[],
  clock: Clock,
  request: RequestInfo,
): Promise<StampResult> {
  const view = await getCollectView(input.storeCode, heldPageTokens);
  if (view.status !== "ok" || !view.card) throw new AppError("NOT_FOUND", {}, "No card of this business on this phone.");
  if (view.merchant.suspended) throw new AppError("MERCHANT_SUSPENDED");
  const ctx: ServiceContext = { merchantId: view.merchant.id, actor: { type: "system" }, clock, request };
  const card = { cardNumber: view.card.cardNumber };
  const { result } = await addStamp(ctx, {
    card,
    storeId: view.store.id,
    staffPin: input.pin,
    idempotency: {
      key: `collect:${input.idempotencyKey}`,
      requestHash: hashRequest("POST", "/collect/stamp", { ...card, storeId: view.store.id }),
    },
  });
  return result;
}
