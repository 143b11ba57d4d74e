import "server-only";
import { forgetCounterContexts } from "@/lib/programs/get-counter-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { isUniqueViolation } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { programData, toProgramView, type ProgramView } from "./program-view";
import { requestPassRefresh } from "./request-pass-refresh";
import type { CreateProgramInput } from "./schemas";

/** Creates the merchant's one program; unset rules take the platform defaults (LOYALTY_* variables). */
export async function createProgram(ctx: ServiceContext, input: CreateProgramInput): Promise<ProgramView> {
  const defaults = getConfig().loyalty;
  const data = {
    cooldownMinutes: defaults.defaultCooldownMinutes,
    maxDailyStamps: defaults.maxDailyStamps,
    pointsPerEuro: defaults.defaultPointsPerEuro,
    maxPurchaseCents: defaults.maxPurchaseCents,
    ...programData(input),
    merchantId: ctx.merchantId,
  } as Prisma.ProgramUncheckedCreateInput;
  try {
    const program = await db.$transaction(async (tx) => {
      const created = await tx.program.create({ data });
      await recordAudit(tx, ctx, { action: "program.created", targetType: "program", targetId: created.id, details: input });
      // The wallets set up the program (Google Wallet inserts its loyalty class) through the outbox, not in this request.
      await requestPassRefresh(tx, ctx, created.id);
      return created;
    });
    forgetCounterContexts(ctx.merchantId);
    return toProgramView(program, []);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("VALIDATION_FAILED", {}, "This merchant already has a program: change it with PATCH /program.");
    }
    throw error;
  }
}
