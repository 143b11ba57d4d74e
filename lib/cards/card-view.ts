import "server-only";
import type { z } from "zod";
import { getConfig } from "@/lib/config";
import type { cardViewSchema } from "./schemas";
import { usesPoints, usesStamps, type ProgramType } from "@/lib/domain/program-features";

/** A card as the API answers it (design.md, "HTTP contract"). */
export type CardView = z.infer<typeof cardViewSchema>;

export type CardViewRow = {
  id: string;
  cardNumber: string;
  qrPayload: string;
  pageToken: string;
  stampCount: number;
  pointsBalance: number;
  lastActivityAt: Date | null;
  createdAt: Date;
  customer: { id: string; name: string | null; email: string | null };
};

export type ProgramForView = { type: ProgramType; stampsTarget: number; cheapestRewardCost: number | null };

/** The Prisma `select` that loads what a CardView needs. */
export const CARD_VIEW_SELECT = {
  id: true,
  cardNumber: true,
  qrPayload: true,
  pageToken: true,
  stampCount: true,
  pointsBalance: true,
  lastActivityAt: true,
  createdAt: true,
  customer: { select: { id: true, name: true, email: true } },
} as const;

export function toCardView(row: CardViewRow, program: ProgramForView): CardView {
  const stampReward = usesStamps(program.type) && row.stampCount >= program.stampsTarget;
  const pointsReward = usesPoints(program.type) && program.cheapestRewardCost !== null && row.pointsBalance >= program.cheapestRewardCost;
  return {
    id: row.id,
    cardNumber: row.cardNumber,
    qrCode: row.qrPayload,
    cardUrl: `${getConfig().publicUrl}/card/${row.pageToken}`,
    stampCount: row.stampCount,
    stampsTarget: program.stampsTarget,
    pointsBalance: row.pointsBalance,
    rewardAvailable: stampReward || pointsReward,
    customer: row.customer,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
