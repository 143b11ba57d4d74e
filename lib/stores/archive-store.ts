import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { forgetCounterContexts } from "@/lib/programs/get-counter-context";
import type { ServiceContext } from "@/lib/service-context";
import { storeNotFound } from "./get-store";
import type { StoreIdInput } from "./schemas";
import { toStoreView, type StoreView } from "./store-view";

/**
 * Closes a store: from now on it takes no stamps, points or enrollments (the counter and
 * enrollment services only accept open stores) and no new staff assignments. Its history,
 * its cards and its paired tablets stay; restoring it brings everything back.
 */
export async function archiveStore(ctx: ServiceContext, input: StoreIdInput): Promise<StoreView> {
  const store = await db.$transaction(async (tx) => {
    const found = await tx.store.findFirst({ where: { id: input.storeId, merchantId: ctx.merchantId } });
    if (!found) throw storeNotFound();
    if (found.archivedAt) return found;
    const archived = await tx.store.update({ where: { id: found.id }, data: { archivedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx, { action: "store.archived", targetType: "store", targetId: found.id, details: { name: found.name } });
    return archived;
  });
  // The counter keeps each store's rules for a few seconds: this process forgets them now.
  forgetCounterContexts(ctx.merchantId);
  return toStoreView(store);
}
