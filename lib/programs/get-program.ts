import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { toProgramView, type ProgramView } from "./program-view";

/** The merchant's program with its rewards catalog (retired rewards included, marked inactive). */
export async function getProgram(ctx: ServiceContext): Promise<ProgramView> {
  const program = await db.program.findUnique({
    where: { merchantId: ctx.merchantId },
    include: { rewards: { orderBy: { pointsCost: "asc" } } },
  });
  if (!program) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet.");
  return toProgramView(program, program.rewards);
}
