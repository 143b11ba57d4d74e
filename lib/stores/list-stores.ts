import "server-only";
import { db } from "@/lib/db";
import type { ServiceContext } from "@/lib/service-context";
import { toStoreView, type StoreView } from "./store-view";

/** The merchant's stores, open ones first, by name. */
export async function listStores(ctx: ServiceContext): Promise<StoreView[]> {
  const stores = await db.store.findMany({
    where: { merchantId: ctx.merchantId },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return stores.map(toStoreView);
}
