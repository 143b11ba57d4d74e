import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { STAFF_VIEW_SELECT, toStaffView, type StaffView } from "./staff-view";

/** One of the merchant's staff members; another merchant's id is NOT_FOUND, like an unknown one. */
export async function getStaffMember(ctx: ServiceContext, staffId: string): Promise<StaffView> {
  const row = await db.staffMember.findFirst({ where: { id: staffId, merchantId: ctx.merchantId }, select: STAFF_VIEW_SELECT });
  if (!row) throw new AppError("NOT_FOUND", {}, "No staff member with this id.");
  return toStaffView(row, ctx.clock.now());
}
