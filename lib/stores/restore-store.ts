import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { forgetCounterContexts } from "@/lib/programs/get-counter-context";
import type { ServiceContext } from "@/lib/service-context";
import { storeNotFound } from "./get-store";
import type { StoreIdInput } from "./schemas";
import { toStoreView, type StoreView } from "./store-view";

/** Opens an archived store again, with its code, history and paired tablets. */
export async function restoreStore(ctx: ServiceContext, input: StoreIdInput): Promise<StoreView> {
  const store = await db.$transaction(async (tx) => {
    const found = await tx.store.findFirst({ where: { id: input.storeId, merchantId: ctx.merchantId } });
    if (!found) throw storeNotFound();
    if (!found.archivedAt) return found;
    const restored = await tx.store.update({ where: { id: found.id }, data: { archivedAt: null } });
    await recordAudit(tx, ctx, { action: "store.restored", targetType: "store", targetId: found.id, details: { name: found.name } });
    return restored;
  });
  forgetCounterContexts(ctx.merchantId);
  return toStoreView(store);
}
