import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { summarizeProgramStats, type ProgramStats } from "@/lib/stats/get-program-stats";
import { loadActivity } from "@/lib/stats/load-activity";
import type { AdminContext } from "./admin-context";

/** A program's statistics, as its merchant's GET /stats gives them (GET /api/v1/admin/loyalty/programs/{id}/stats). */
export async function getAdminProgramStats(
  ctx: AdminContext,
  programId: string,
): Promise<ProgramStats & { programId: string; merchantId: string }> {
  const program = await db.program.findUnique({
    where: { id: programId },
    select: { id: true, merchant: { select: { id: true, timeZone: true } } },
  });
  if (!program) throw new AppError("NOT_FOUND", {}, "No program with this id.");
  const activity = await loadActivity(program.merchant.id, program.merchant.timeZone, ctx.clock.now(), 30);
  return { programId: program.id, merchantId: program.merchant.id, ...summarizeProgramStats(activity) };
}
