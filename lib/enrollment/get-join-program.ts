import "server-only";
import { CONSENT_TEXT_VERSION } from "@/lib/customers/consent";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { JoinProgram } from "./schemas";

export type JoinTarget = JoinProgram & { merchantId: string; storeId: string };

/**
 * What a store's QR page shows (and GET /api/v1/loyalty/programs/{storeCode}
 * answers): the merchant's branding and what the program offers. Found by
 * the store's public code alone; an archived store or a merchant without a
 * program is NOT_FOUND, so nothing else of the merchant is reachable.
 */
export async function getJoinProgram(storeCode: string): Promise<JoinTarget> {
  const store = await db.store.findUnique({
    where: { code: storeCode.toUpperCase() },
    select: {
      id: true,
      code: true,
      name: true,
      address: true,
      archivedAt: true,
      merchant: {
        select: {
          id: true,
          name: true,
          status: true,
          program: {
            select: {
              id: true,
              type: true,
              cardName: true,
              stampsTarget: true,
              stampsRewardDescription: true,
              pointsPerEuro: true,
              backgroundColor: true,
              foregroundColor: true,
              labelColor: true,
              logoMimeType: true,
              active: true,
              updatedAt: true,
              rewards: {
                where: { active: true },
                select: { name: true, description: true, pointsCost: true },
                orderBy: { pointsCost: "asc" },
              },
            },
          },
        },
      },
    },
  });
  const program = store?.merchant.program;
  if (!store || store.archivedAt || !program) throw new AppError("NOT_FOUND", {}, "No store with this code.");
  return {
    merchantId: store.merchant.id,
    storeId: store.id,
    merchant: { name: store.merchant.name },
    store: { code: store.code, name: store.name, address: store.address },
    program: {
      cardName: program.cardName,
      loyaltyType: program.type,
      stampsTarget: program.stampsTarget,
      stampsRewardDescription: program.stampsRewardDescription,
      pointsPerEuro: program.pointsPerEuro,
      rewards: program.type === "stamps" ? [] : program.rewards,
      cardColor: program.backgroundColor,
      foregroundColor: program.foregroundColor,
      labelColor: program.labelColor,
      logoUrl: program.logoMimeType ? `/api/v1/loyalty/logos/${program.id}?v=${program.updatedAt.getTime()}` : null,
    },
    acceptingEnrollments: store.merchant.status === "active" && program.active,
    emailConsentVersion: CONSENT_TEXT_VERSION,
  };
}
