import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { inspectLogo, type InspectedLogo } from "./inspect-logo";
import { requestPassRefresh } from "./request-pass-refresh";

/**
 * Replaces the program's logo with an uploaded image after checking its
 * bytes (type, size, dimensions), records it, and asks the wallets to
 * refresh the passes. The counter's cached rules hold no branding, so they
 * stay as they are.
 */
export async function updateProgramLogo(ctx: ServiceContext, bytes: Uint8Array): Promise<InspectedLogo & { bytes: number }> {
  const logo = inspectLogo(bytes);
  await db.$transaction(async (tx) => {
    const program = await tx.program.findUnique({ where: { merchantId: ctx.merchantId }, select: { id: true } });
    if (!program) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet.");
    await tx.program.update({ where: { id: program.id }, data: { logo: Uint8Array.from(bytes), logoMimeType: logo.mimeType } });
    await recordAudit(tx, ctx, {
      action: "program.logo_updated",
      targetType: "program",
      targetId: program.id,
      details: { mimeType: logo.mimeType, width: logo.width, height: logo.height, bytes: bytes.length },
    });
    await requestPassRefresh(tx, ctx, program.id);
  });
  return { ...logo, bytes: bytes.length };
}
