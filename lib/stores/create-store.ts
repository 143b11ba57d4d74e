import "server-only";
import { forgetCounterContexts } from "@/lib/programs/get-counter-context";
import { randomInt } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import type { CreateStoreInput } from "./schemas";
import { toStoreView, type StoreView } from "./store-view";

// No 0/O, 1/I/L: a code read off a poster is typed without mistakes.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GENERATED_CODE_LENGTH = 7;

export function generateStoreCode(): string {
  return Array.from({ length: GENERATED_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** Opens a store with its public code (given, or generated); a taken code is refused next to the field. */
export async function createStore(ctx: ServiceContext, input: CreateStoreInput): Promise<StoreView> {
  for (let attempt = 1; ; attempt++) {
    const code = input.code ?? generateStoreCode();
    try {
      const store = await db.$transaction(async (tx) => {
        const created = await tx.store.create({
          data: { merchantId: ctx.merchantId, name: input.name, address: input.address ?? null, code },
        });
        await recordAudit(tx, ctx, {
          action: "store.created",
          targetType: "store",
          targetId: created.id,
          details: { name: input.name, code },
        });
        return created;
      });
      forgetCounterContexts(ctx.merchantId);
      return toStoreView(store);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.code)
        throw new AppError("VALIDATION_FAILED", { fieldErrors: { code: ["validation.storeCodeTaken"] } }, "Store code taken.");
      if (attempt >= 5) throw error;
    }
  }
}
