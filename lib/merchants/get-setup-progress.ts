import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import type { ProgramType } from "@/lib/db/generated/enums";
import type { ServiceContext } from "@/lib/service-context";

export type SetupProgress = {
  program: { type: ProgramType; stampsTarget: number } | null;
  /** The first open store, where the guided setup's staff member works and whose poster ends it. */
  firstStore: { id: string; name: string; code: string; joinUrl: string } | null;
  hasStaff: boolean;
};

/** How far the merchant got with the guided setup (program → store → staff PIN → poster). */
export async function getSetupProgress(ctx: ServiceContext): Promise<SetupProgress> {
  const [program, firstStore, staff] = await Promise.all([
    db.program.findUnique({ where: { merchantId: ctx.merchantId }, select: { type: true, stampsTarget: true } }),
    db.store.findFirst({
      where: { merchantId: ctx.merchantId, archivedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, code: true },
    }),
    db.staffMember.findFirst({ where: { merchantId: ctx.merchantId, active: true }, select: { id: true } }),
  ]);
  return {
    program,
    firstStore: firstStore ? { ...firstStore, joinUrl: `${getConfig().publicUrl}/join/${firstStore.code}` } : null,
    hasStaff: staff !== null,
  };
}
