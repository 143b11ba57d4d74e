import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { ServiceContext } from "@/lib/service-context";
import { storeNotFound } from "./get-store";
import type { UpdateStoreInput } from "./schemas";
import { toStoreView, type StoreView } from "./store-view";

/** Renames a store or changes its address. Its code never changes: printed posters carry it. */
export async function updateStore(ctx: ServiceContext, input: UpdateStoreInput): Promise<StoreView> {
  const store = await db.$transaction(async (tx) => {
    const before = await tx.store.findFirst({ where: { id: input.storeId, merchantId: ctx.merchantId } });
    if (!before) throw storeNotFound();
    const address = input.address === undefined ? before.address : input.address || null;
    const updated = await tx.store.update({ where: { id: before.id }, data: { name: input.name, address } });
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    if (before.name !== updated.name) changes.name = { from: before.name, to: updated.name };
    if (before.address !== updated.address) changes.address = { from: before.address, to: updated.address };
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, ctx, { action: "store.updated", targetType: "store", targetId: before.id, details: changes });
    }
    return updated;
  });
  return toStoreView(store);
}
