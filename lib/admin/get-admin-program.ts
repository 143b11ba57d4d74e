import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AdminContext } from "./admin-context";
import type { AdminProgramDetail } from "./schemas";

/** A program by its id, with its merchant and stores (GET /api/v1/admin/loyalty/programs/{id}). */
export async function getAdminProgram(_ctx: AdminContext, programId: string): Promise<AdminProgramDetail> {
  const program = await db.program.findUnique({
    where: { id: programId },
    include: {
      merchant: {
        select: {
          id: true,
          name: true,
          status: true,
          createdAt: true,
          timeZone: true,
          suspendedAt: true,
          suspendedReason: true,
          users: { where: { role: "owner" }, select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 },
          stores: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, code: true, archivedAt: true } },
        },
      },
    },
  });
  if (!program) throw new AppError("NOT_FOUND", {}, "No program with this id.");
  const { merchant } = program;
  const stamps = program.type !== "points";
  return {
    id: program.id,
    merchant: {
      id: merchant.id,
      name: merchant.name,
      status: merchant.status,
      ownerEmail: merchant.users[0]?.email ?? null,
      createdAt: merchant.createdAt.toISOString(),
      timeZone: merchant.timeZone,
      suspendedAt: merchant.suspendedAt?.toISOString() ?? null,
      suspendedReason: merchant.suspendedReason,
    },
    type: program.type,
    cardName: program.cardName,
    active: program.active,
    stampsTarget: stamps ? program.stampsTarget : null,
    stampsRewardDescription: stamps ? program.stampsRewardDescription : null,
    pointsPerEuro: program.type !== "stamps" ? program.pointsPerEuro : null,
    cooldownMinutes: program.cooldownMinutes,
    maxDailyStamps: program.maxDailyStamps,
    requireStaffPin: program.requireStaffPin,
    stores: merchant.stores.map((store) => ({ id: store.id, name: store.name, code: store.code, archived: store.archivedAt !== null })),
    createdAt: program.createdAt.toISOString(),
  };
}
