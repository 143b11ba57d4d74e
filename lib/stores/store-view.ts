import "server-only";
import { getConfig } from "@/lib/config";

export type StoreView = { id: string; name: string; code: string; address: string | null; archived: boolean; joinUrl: string; createdAt: string };

export function toStoreView(store: { id: string; name: string; code: string; address: string | null; archivedAt: Date | null; createdAt: Date }): StoreView {
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
