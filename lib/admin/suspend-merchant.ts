import "server-only";
import { recordAuditAsAdmin } from "@/lib/audit/record-audit-as-admin";
import { forgetCachedApiKeys } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AdminContext } from "./admin-context";
import type { SuspendMerchantInput } from "./schemas";

/**
 * Suspends a merchant: from the next request on, its dashboard is
 * read-only, its counter tablets and API keys are refused with
 * MERCHANT_SUSPENDED, and new enrollments stop; its customers' cards and
 * wallet passes keep showing. Suspending a suspended merchant changes nothing.
 */
export async function suspendMerchant(ctx: AdminContext, input: SuspendMerchantInput): Promise<{ changed: boolean }> {
  const result = await db.$transaction(async (tx) => {
    const [merchant] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM merchants WHERE id = ${input.merchantId}::uuid FOR UPDATE`;
    if (!merchant) throw new AppError("NOT_FOUND");
    if (merchant.status === "suspended") return { changed: false };
    await tx.merchant.update({
      where: { id: input.merchantId },
      data: { status: "suspended", suspendedAt: ctx.clock.now(), suspendedReason: input.reason },
    });
    await recordAuditAsAdmin(tx, ctx, {
      merchantId: input.merchantId,
      action: "merchant.suspended",
      targetType: "merchant",
      targetId: input.merchantId,
      details: { reason: input.reason },
    });
    return { changed: true };
  });
  // This process's cache of API keys knows the merchant's status: forget it now (other instances within seconds).
  if (result.changed) forgetCachedApiKeys((principal) => principal.merchantId === input.merchantId);
  return result;
}
