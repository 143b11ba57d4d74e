import "server-only";
import { db } from "@/lib/db";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";
import { AppError } from "@/lib/errors";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";
import { firstNameOf, type CounterCard } from "./counter-views";

/** One of the merchant's cards, by number or QR payload, as the counter shows it. A scan only identifies. */
export async function getCounterCard(ctx: ServiceContext, ref: CardRef): Promise<CounterCard> {
  const where = "cardNumber" in ref ? { cardNumber: ref.cardNumber } : { qrPayload: ref.qrCode };
  const [card, program] = await Promise.all([
    db.card.findFirst({
      where: { ...where, merchantId: ctx.merchantId },
      select: {
        cardNumber: true,
        stampCount: true,
        pointsBalance: true,
        lastActivityAt: true,
        customer: { select: { name: true, erasedAt: true } },
      },
    }),
    db.program.findUnique({
      where: { merchantId: ctx.merchantId },
      select: {
        type: true,
        stampsTarget: true,
        rewards: { where: { active: true }, select: { id: true, name: true, pointsCost: true }, orderBy: { pointsCost: "asc" } },
      },
    }),
  ]);
  if (!card || !program) throw new AppError("NOT_FOUND", {}, "No card with that number or QR code at this merchant.");
  return {
    cardNumber: card.cardNumber,
    firstName: card.customer.erasedAt ? null : firstNameOf(card.customer.name),
    stampCount: card.stampCount,
    stampsTarget: program.stampsTarget,
    pointsBalance: card.pointsBalance,
    stampRewardAvailable: usesStamps(program.type) && card.stampCount >= program.stampsTarget,
    rewardsCovered: usesPoints(program.type) ? program.rewards.filter((reward) => reward.pointsCost <= card.pointsBalance) : [],
    lastVisitAt: card.lastActivityAt?.toISOString() ?? null,
  };
}
