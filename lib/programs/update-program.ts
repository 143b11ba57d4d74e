import "server-only";
import { forgetCounterContexts } from "@/lib/programs/get-counter-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { programData, toProgramView, type ProgramView } from "./program-view";
import { requestPassRefresh } from "./request-pass-refresh";
import type { UpdateProgramInput } from "./schemas";

/**
 * Changes the program's rules or branding, records who changed what, and
 * asks the wallets to refresh every pass of the program.
 */
export async function updateProgram(ctx: ServiceContext, input: UpdateProgramInput): Promise<ProgramView> {
  const program = await db.$transaction(async (tx) => {
    const existing = await tx.program.findUnique({ where: { merchantId: ctx.merchantId }, select: { id: true } });
    if (!existing) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet: create one with POST /program.");
    const updated = await tx.program.update({
      where: { id: existing.id },
      data: programData(input) as Prisma.ProgramUncheckedUpdateInput,
      include: { rewards: { orderBy: { pointsCost: "asc" } } },
    });
    await recordAudit(tx, ctx, { action: "program.updated", targetType: "program", targetId: existing.id, details: input });
    await requestPassRefresh(tx, ctx, existing.id);
    return updated;
  });
  forgetCounterContexts(ctx.merchantId);
  return toProgramView(program, program.rewards);
}
