import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";
import { CARD_VIEW_SELECT, toCardView, type CardView } from "./card-view";
import { loadProgramForView } from "./load-program-for-view";

/** Finds one of the merchant's cards by QR payload or card number. A scanned QR only identifies: it grants nothing. */
export async function findCard(ctx: ServiceContext, ref: CardRef): Promise<CardView> {
  const where = "cardNumber" in ref ? { cardNumber: ref.cardNumber } : { qrPayload: ref.qrCode };
  const [card, program] = await Promise.all([
    db.card.findFirst({ where: { ...where, merchantId: ctx.merchantId }, select: CARD_VIEW_SELECT }),
    loadProgramForView(ctx.merchantId),
  ]);
  if (!card) throw new AppError("NOT_FOUND", {}, "No card with that number or QR code at this merchant.");
  return toCardView(card, program);
}
