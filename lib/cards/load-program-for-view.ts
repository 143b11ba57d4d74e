import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProgramForView } from "./card-view";

/** What card views need of the merchant's program: its type, target, and cheapest active reward. */
export async function loadProgramForView(merchantId: string): Promise<ProgramForView & { id: string }> {
  const program = await db.program.findUnique({
    where: { merchantId },
    select: {
      id: true,
      type: true,
      stampsTarget: true,
      rewards: { where: { active: true }, select: { pointsCost: true }, orderBy: { pointsCost: "asc" }, take: 1 },
    },
  });
  if (!program) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet: create one first.");
  return {
    id: program.id,
    type: program.type,
    stampsTarget: program.stampsTarget,
    cheapestRewardCost: program.rewards[0]?.pointsCost ?? null,
  };
}
