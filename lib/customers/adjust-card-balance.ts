import "server-only";
import { adjustBalance, type AdjustmentResult } from "@/lib/cards/adjust-balance";
import { hashRequest } from "@/lib/ledger/idempotency";
import type { ServiceContext } from "@/lib/service-context";
import type { AdjustFormInput } from "./schemas";

/**
 * A manual adjustment from the card page. The form carries a key it drew
 * when it was shown, so a double submit (or a retry after a lost answer)
 * adjusts once and gets the first answer back; the same key with other
 * amounts is an IDEMPOTENCY_CONFLICT.
 */
export async function adjustCardBalance(ctx: ServiceContext, input: AdjustFormInput): Promise<AdjustmentResult> {
  const { idempotencyKey, ...request } = input;
  const { result } = await adjustBalance(ctx, {
    card: { cardNumber: request.cardNumber },
    stampsDelta: request.stampsDelta,
    pointsDelta: request.pointsDelta,
    reason: request.reason,
    idempotency: { key: `dashboard:${idempotencyKey}`, requestHash: hashRequest("POST", "dashboard/customers/adjust", request) },
  });
  return result;
}
