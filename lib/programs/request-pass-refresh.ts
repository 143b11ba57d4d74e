import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import type { ServiceContext } from "@/lib/service-context";

/** Asks the wallets to refresh every pass of the program, in the transaction of the change (coalesced per program). */
export async function requestPassRefresh(tx: Tx, ctx: ServiceContext, programId: string): Promise<void> {
  const now = ctx.clock.now();
  await tx.outboxEvent.create({
    data: {
      id: newId(),
      merchantId: ctx.merchantId,
      type: EVENT_TYPES.walletProgramChanged,
      payload: { programId },
      coalesceKey: `program:${programId}`,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
