import "server-only";
import { authorizeStaff } from "@/lib/auth/staff-pin";
import { decideStamp } from "@/lib/domain/stamps";
import { newId } from "@/lib/ids";
import type { IdempotencyInput } from "@/lib/ledger/idempotency";
import type { CardRef } from "@/lib/ledger/lock-card";
import type { ServiceContext } from "@/lib/service-context";
import { loadCardOperation } from "./load-card-operation";
import { refusalError } from "./refusal-error";
import { requireProgramFeature } from "./require-program-feature";
import { replayOf, runBalanceOperation, type OperationOutcome } from "./run-balance-operation";
import { staffClientKey } from "./staff-client-key";

export type AddStampInput = {
  card: CardRef;
  storeId: string;
  staffPin?: string;
  staffId?: string;
  idempotency?: IdempotencyInput;
};

export type StampResult = {
  transactionId: string;
  cardNumber: string;
  stampCount: number;
  stampsTarget: number;
  rewardEarned: boolean;
  rewardAvailable: boolean;
  rewardDescription: string | null;
  stampsToday: number;
  nextStampAvailableAt: string;
};

/** Adds one stamp to a card, within the program's cooldown, daily limit and target. */
export async function addStamp(ctx: ServiceContext, input: AddStampInput): Promise<OperationOutcome<StampResult>> {
  const counter = await loadCardOperation(ctx.merchantId, input.storeId, input.card, input.idempotency?.key);
  const replay = replayOf<StampResult>(counter.replay, input.idempotency);
  if (replay) return replay;
  const { program } = counter;
  requireProgramFeature(program, "stamps", true);
  const staff = await authorizeStaff(ctx, {
    storeId: counter.storeId,
    pin: input.staffPin,
    staffId: input.staffId,
    clientKey: staffClientKey(ctx),
    required: program.requireStaffPin,
  });

  return runBalanceOperation(
    ctx,
    input.card,
    input.idempotency,
    (card, now) => {
      const decision = decideStamp({ card, rules: program, now, timeZone: counter.timeZone });
      if (!decision.ok) throw refusalError(decision);
      const entryId = newId();
      return {
        result: {
          transactionId: entryId,
          cardNumber: card.cardNumber,
          stampCount: decision.stampCount,
          stampsTarget: program.stampsTarget,
          rewardEarned: decision.rewardEarned,
          rewardAvailable: decision.rewardAvailable,
          rewardDescription: program.stampsRewardDescription,
          stampsToday: decision.stampsToday,
          nextStampAvailableAt: decision.nextStampAvailableAt.toISOString(),
        },
        change: {
          entryId,
          timeZone: counter.timeZone,
          type: "stamp_earned",
          stampsDelta: 1,
          pointsDelta: 0,
          stamp: { day: decision.stampDay, stampsOnDay: decision.stampsToday },
          lifetime: { stampsEarned: 1 },
          storeId: counter.storeId,
          staffMemberId: staff?.staffMemberId ?? null,
          rewardEarned: decision.rewardEarned,
        },
      };
    },
    counter.card,
  );
}
