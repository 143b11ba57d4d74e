import "server-only";
import { hashSecret } from "@/lib/auth/password-hash";
import { pinLookupDigest } from "@/lib/auth/pin-lookup";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { isUniqueViolation, type Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import type { CreateStaffInput, UpdateStaffInput } from "./schemas";
import { withLastActivity } from "./staff-last-activity";
import { STAFF_VIEW_SELECT, toStaffView, type StaffView } from "./staff-view";

const PIN_TAKEN = new AppError("VALIDATION_FAILED", { fieldErrors: { pin: ["validation.pinTaken"] } }, "PIN already in use.");

/** The merchant's staff, active first, by name. */
export async function listStaff(ctx: ServiceContext): Promise<StaffView[]> {
  const rows = await db.staffMember.findMany({
    where: { merchantId: ctx.merchantId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: STAFF_VIEW_SELECT,
  });
  const now = ctx.clock.now();
  return withLastActivity(
    ctx.merchantId,
    rows.map((row) => toStaffView(row, now)),
  );
}

async function requireOwnStores(tx: Tx, ctx: ServiceContext, storeIds: string[]): Promise<void> {
  const unique = [...new Set(storeIds)];
  const found = await tx.store.count({ where: { id: { in: unique }, merchantId: ctx.merchantId, archivedAt: null } });
  if (found !== unique.length) {
    throw new AppError("VALIDATION_FAILED", { fieldErrors: { storeIds: ["validation.storeNotFound"] } }, "Unknown store.");
  }
}

/** Adds a staff member with a PIN (argon2id hash plus keyed lookup digest), unique among active staff. */
export async function createStaffMember(ctx: ServiceContext, input: CreateStaffInput): Promise<StaffView> {
  const pinHash = await hashSecret(input.pin);
  const pinLookup = pinLookupDigest(getConfig().secrets.secretKey, ctx.merchantId, input.pin);
  try {
    const row = await db.$transaction(async (tx) => {
      await requireOwnStores(tx, ctx, input.storeIds);
      const created = await tx.staffMember.create({
        data: {
          merchantId: ctx.merchantId,
          name: input.name,
          pinHash,
          pinLookup,
          stores: { create: [...new Set(input.storeIds)].map((storeId) => ({ storeId })) },
        },
        select: STAFF_VIEW_SELECT,
      });
      await recordAudit(tx, ctx, {
        action: "staff.created",
        targetType: "staff_member",
        targetId: created.id,
        details: { name: input.name, storeIds: input.storeIds },
      });
      return created;
    });
    return toStaffView(row, ctx.clock.now());
  } catch (error) {
    if (isUniqueViolation(error)) throw PIN_TAKEN;
    throw error;
  }
}

/** Renames, moves between stores, or gives a new PIN (which also clears a lockout). */
export async function updateStaffMember(ctx: ServiceContext, staffId: string, input: UpdateStaffInput): Promise<StaffView> {
  const pin = input.pin
    ? {
        pinHash: await hashSecret(input.pin),
        pinLookup: pinLookupDigest(getConfig().secrets.secretKey, ctx.merchantId, input.pin),
        failedAttempts: 0,
        lockedUntil: null,
      }
    : {};
  try {
    const row = await db.$transaction(async (tx) => {
      const existing = await tx.staffMember.findFirst({
        where: { id: staffId, merchantId: ctx.merchantId },
        select: { id: true, active: true },
      });
      if (!existing) throw new AppError("NOT_FOUND", {}, "No staff member with this id.");
      if (!existing.active && input.pin)
        throw new AppError("VALIDATION_FAILED", { fieldErrors: { pin: ["validation.deactivated"] } }, "Deactivated staff member.");
      if (input.storeIds) {
        await requireOwnStores(tx, ctx, input.storeIds);
        await tx.staffStore.deleteMany({ where: { staffMemberId: staffId } });
        await tx.staffStore.createMany({ data: [...new Set(input.storeIds)].map((storeId) => ({ staffMemberId: staffId, storeId })) });
      }
      const updated = await tx.staffMember.update({
        where: { id: staffId },
        data: { ...(input.name ? { name: input.name } : {}), ...pin },
        select: STAFF_VIEW_SELECT,
      });
      const { pin: newPin, ...details } = input;
      await recordAudit(tx, ctx, {
        action: "staff.updated",
        targetType: "staff_member",
        targetId: staffId,
        details: { ...details, pinChanged: newPin !== undefined },
      });
      return updated;
    });
    return toStaffView(row, ctx.clock.now());
  } catch (error) {
    if (isUniqueViolation(error)) throw PIN_TAKEN;
    throw error;
  }
}

/**
 * Deactivates a staff member: their PIN stops working at once and becomes
 * free for someone else (the lookup digest is cleared); the ledger keeps
 * their name on past entries.
 */
export async function deactivateStaffMember(ctx: ServiceContext, staffId: string): Promise<StaffView> {
  const row = await db.$transaction(async (tx) => {
    const existing = await tx.staffMember.findFirst({ where: { id: staffId, merchantId: ctx.merchantId }, select: { id: true } });
    if (!existing) throw new AppError("NOT_FOUND", {}, "No staff member with this id.");
    const updated = await tx.staffMember.update({
      where: { id: staffId },
      data: { active: false, pinLookup: null },
      select: STAFF_VIEW_SELECT,
    });
    await recordAudit(tx, ctx, { action: "staff.deactivated", targetType: "staff_member", targetId: staffId });
    return updated;
  });
  return toStaffView(row, ctx.clock.now());
}

/** Lifts a PIN lockout before it expires. */
export async function unlockStaffMember(ctx: ServiceContext, staffId: string): Promise<StaffView> {
  const row = await db.$transaction(async (tx) => {
    const existing = await tx.staffMember.findFirst({ where: { id: staffId, merchantId: ctx.merchantId }, select: { id: true } });
    if (!existing) throw new AppError("NOT_FOUND", {}, "No staff member with this id.");
    const updated = await tx.staffMember.update({
      where: { id: staffId },
      data: { failedAttempts: 0, lockedUntil: null },
      select: STAFF_VIEW_SELECT,
    });
    await recordAudit(tx, ctx, { action: "staff.unlocked", targetType: "staff_member", targetId: staffId });
    return updated;
  });
  return toStaffView(row, ctx.clock.now());
}
