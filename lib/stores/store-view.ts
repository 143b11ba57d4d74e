import "server-only";
import type { z } from "zod";
import { getConfig } from "@/lib/config";
import type { storeViewSchema } from "./schemas";

export type StoreView = z.infer<typeof storeViewSchema>;

export function toStoreView(store: {
  id: string;
  name: string;
  code: string;
  address: string | null;
  archivedAt: Date | null;
  createdAt: Date;
}): StoreView {
  return {
    id: store.id,
    name: store.name,
    code: store.code,
    address: store.address,
    archived: store.archivedAt !== null,
    joinUrl: `${getConfig().publicUrl}/join/${store.code}`,
    createdAt: store.createdAt.toISOString(),
  };
}
