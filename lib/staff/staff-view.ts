import "server-only";
import type { z } from "zod";
import type { staffViewSchema } from "./schemas";

export type StaffView = z.infer<typeof staffViewSchema>;

export const STAFF_VIEW_SELECT = {
  id: true,
  name: true,
  active: true,
  lockedUntil: true,
  failedAttempts: true,
  lastActivityAt: true,
  createdAt: true,
  stores: { select: { storeId: true } },
} as const;

type Row = {
  id: string;
  name: string;
  active: boolean;
  lockedUntil: Date | null;
  failedAttempts: number;
  lastActivityAt: Date | null;
  createdAt: Date;
  stores: { storeId: string }[];
};

/** A staff member without their PIN, which is never shown again after it is set. */
export function toStaffView(row: Row, now: Date): StaffView {
  const locked = row.lockedUntil !== null && row.lockedUntil > now;
  return {
    id: row.id,
    name: row.name,
    storeIds: row.stores.map((store) => store.storeId).sort(),
    active: row.active,
    locked,
    lockedUntil: locked ? row.lockedUntil!.toISOString() : null,
    // An expired lockout starts the count again (lib/domain/pin-policy.ts).
    failedAttempts: row.lockedUntil !== null && !locked ? 0 : row.failedAttempts,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
