import "server-only";
import { db } from "@/lib/db";
import { normalizeCardNumber } from "@/lib/domain/card-number";
import { usesPoints, usesStamps, type ProgramType } from "@/lib/domain/program-features";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";

export type CustomerCard = {
  id: string;
  cardNumber: string;
  enrolledAt: Date;
  enrolledAtStore: string | null;
  lastActivityAt: Date | null;
  /** Null once the customer's personal data was erased. */
  customer: {
    name: string | null;
    email: string | null;
    phone: string | null;
    /** "YYYY-MM-DD" */
    birthday: string | null;
    locale: string;
    emailConsent: boolean;
    emailConsentAt: Date | null;
    emailConsentVersion: string | null;
  } | null;
  erasedAt: Date | null;
  program: { type: ProgramType; stampsTarget: number; stampsRewardDescription: string | null };
  balances: {
    stampCount: number;
    pointsBalance: number;
    stampsEarned: number;
    stampRewardsRedeemed: number;
    pointsEarned: number;
    pointsSpent: number;
  };
  /** The stamp reward when the card is full; the catalog rewards its points pay for. */
  rewards: { stampReward: boolean; catalog: { name: string; pointsCost: number }[] };
};

/** A card of this merchant by its number (spaces and dashes ignored), with its customer; another merchant's is NOT_FOUND. */
export async function getCustomerCard(ctx: ServiceContext, cardNumber: string): Promise<CustomerCard> {
  const number = normalizeCardNumber(cardNumber);
  const [card, program] = await Promise.all([
    /^\d{1,40}$/.test(number)
      ? db.card.findFirst({
          where: { cardNumber: number, merchantId: ctx.merchantId },
          select: {
            id: true,
            cardNumber: true,
            createdAt: true,
            lastActivityAt: true,
            stampCount: true,
            pointsBalance: true,
            stampsEarned: true,
            stampRewardsRedeemed: true,
            pointsEarned: true,
            pointsSpent: true,
            createdStore: { select: { name: true } },
            customer: {
              select: {
                name: true,
                email: true,
                phone: true,
                birthday: true,
                locale: true,
                emailConsent: true,
                emailConsentAt: true,
                emailConsentVersion: true,
                erasedAt: true,
              },
            },
          },
        })
      : null,
    db.program.findUnique({
      where: { merchantId: ctx.merchantId },
      select: {
        type: true,
        stampsTarget: true,
        stampsRewardDescription: true,
        rewards: { where: { active: true }, select: { name: true, pointsCost: true }, orderBy: { pointsCost: "asc" } },
      },
    }),
  ]);
  if (!card || !program) throw new AppError("NOT_FOUND", {}, "No card with that number at this merchant.");
  const { customer } = card;
  return {
    id: card.id,
    cardNumber: card.cardNumber,
    enrolledAt: card.createdAt,
    enrolledAtStore: card.createdStore?.name ?? null,
    lastActivityAt: card.lastActivityAt,
    erasedAt: customer.erasedAt,
    customer: customer.erasedAt
      ? null
      : {
          name: customer.name,
          email: customer.email,
          phone: customer.phone,
          birthday: customer.birthday?.toISOString().slice(0, 10) ?? null,
          locale: customer.locale,
          emailConsent: customer.emailConsent,
          emailConsentAt: customer.emailConsentAt,
          emailConsentVersion: customer.emailConsentVersion,
        },
    program: { type: program.type, stampsTarget: program.stampsTarget, stampsRewardDescription: program.stampsRewardDescription },
    balances: {
      stampCount: card.stampCount,
      pointsBalance: card.pointsBalance,
      stampsEarned: card.stampsEarned,
      stampRewardsRedeemed: card.stampRewardsRedeemed,
      pointsEarned: card.pointsEarned,
      pointsSpent: card.pointsSpent,
    },
    rewards: {
      stampReward: usesStamps(program.type) && card.stampCount >= program.stampsTarget,
      catalog: usesPoints(program.type) ? program.rewards.filter((reward) => reward.pointsCost <= card.pointsBalance) : [],
    },
  };
}
