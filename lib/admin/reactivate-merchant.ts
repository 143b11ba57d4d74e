import "server-only";
import { recordAuditAsAdmin } from "@/lib/audit/record-audit-as-admin";
import { forgetCachedApiKeys } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AdminContext } from "./admin-context";
import type { ReactivateMerchantInput } from "./schemas";

/** Lifts a suspension: the dashboard, counters and API keys work again at once. The reason is kept in the audit log. */
export async function reactivateMerchant(ctx: AdminContext, input: ReactivateMerchantInput): Promise<{ changed: boolean }> {
  const result = await db.$transaction(async (tx) => {
    const [merchant] = await tx.$queryRaw<{ status: string; reason: string | null }[]>`
      SELECT status::text AS status, suspended_reason AS reason FROM merchants WHERE id = ${input.merchantId}::uuid FOR UPDATE`;
    if (!merchant) throw new AppError("NOT_FOUND");
    if (merchant.status === "active") return { changed: false };
    await tx.merchant.update({ where: { id: input.merchantId }, data: { status: "active", suspendedAt: null, suspendedReason: null } });
    await recordAuditAsAdmin(tx, ctx, {
      merchantId: input.merchantId,
      action: "merchant.reactivated",
      targetType: "merchant",
      targetId: input.merchantId,
      details: { reason: input.reason, suspendedReason: merchant.reason },
    });
    return { changed: true };
  });
  // This process's cache of API keys knows the merchant's status: forget it now (other instances within seconds).
  if (result.changed) forgetCachedApiKeys((principal) => principal.merchantId === input.merchantId);
  return result;
}
