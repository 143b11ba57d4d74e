import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { toStoreView, type StoreView } from "./store-view";

export type StoreDetails = StoreView & { archivedAt: string | null; updatedAt: string };

/** One of the merchant's stores; NOT_FOUND for another merchant's store or an id that is not one. */
export async function getStore(ctx: ServiceContext, storeId: string): Promise<StoreDetails> {
  // A malformed id would make PostgreSQL refuse the uuid cast: it is simply not a store.
  if (!z.uuid().safeParse(storeId).success) throw storeNotFound();
  const store = await db.store.findFirst({ where: { id: storeId, merchantId: ctx.merchantId } });
  if (!store) throw storeNotFound();
  return { ...toStoreView(store), archivedAt: store.archivedAt?.toISOString() ?? null, updatedAt: store.updatedAt.toISOString() };
}

export function storeNotFound(): AppError {
  return new AppError("NOT_FOUND", {}, "No store with this id.");
}
