import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { requestPassRefresh } from "./request-pass-refresh";

/** Takes the logo off the program (the cards show the card name alone), records it and refreshes the passes. */
export async function removeProgramLogo(ctx: ServiceContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const program = await tx.program.findUnique({ where: { merchantId: ctx.merchantId }, select: { id: true, logoMimeType: true } });
    if (!program) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet.");
    if (program.logoMimeType === null) return;
    await tx.program.update({ where: { id: program.id }, data: { logo: null, logoMimeType: null } });
    await recordAudit(tx, ctx, { action: "program.logo_removed", targetType: "program", targetId: program.id });
    await requestPassRefresh(tx, ctx, program.id);
  });
}
