import "server-only";
import type { AuthorizedStaff } from "@/lib/auth/staff-pin";
import { decideStamp } from "@/lib/domain/stamps";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { LockedCard } from "@/lib/ledger/lock-card";
import type { CounterContext } from "@/lib/programs/counter-context";
import { getCounterContext } from "@/lib/programs/get-counter-context";
import type { ServiceContext } from "@/lib/service-context";
import { refusalError } from "./refusal-error";
import { requireProgramFeature } from "./require-program-feature";
import { checkStaff, prepareCounterOperation, type CounterInput } from "./prepare-counter-operation";
import { runBalanceOperation, type OperationOutcome } from "./run-balance-operation";
import { stampInOneCall } from "./stamp-in-one-call";

export type AddStampInput = CounterInput;

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

/**
 * Adds one stamp to a card, within the program's cooldown, daily limit and
 * target (lib/domain/stamps.ts decides). Without an Idempotency-Key a stamp is
 * one database call (stamp_card); with one, the card is read first so the
 * first answer can be stored with the change and given again to a retry.
 */
export async function addStamp(ctx: ServiceContext, input: AddStampInput): Promise<OperationOutcome<StampResult>> {
  if (!input.idempotency) return addStampInOneCall(ctx, input);

  const prepared = await prepareCounterOperation<StampResult>(ctx, input, { feature: "stamps", earning: true });
  if (prepared.replay) return prepared.replay;
  const { counter, staff } = prepared;
  return runBalanceOperation(ctx, input.card, input.idempotency, (card, now) => decideAndDescribe(counter, staff, card, now), counter.card);
}

async function addStampInOneCall(ctx: ServiceContext, input: AddStampInput): Promise<OperationOutcome<StampResult>> {
  const counter = await getCounterContext(ctx.merchantId, input.storeId, ctx.clock.now().getTime());
  requireProgramFeature(counter.program, "stamps", true);
  const staff = await checkStaff(ctx, counter, input);
  const now = ctx.clock.now();
  const call = await stampInOneCall(ctx, counter, input.card, staff?.staffMemberId ?? null, now);
  const decision = decideStamp({ card: call.before, rules: counter.program, now, timeZone: counter.timeZone });
  if (call.outcome === "refused") {
    if (!decision.ok) throw refusalError(decision);
    // The rules changed between reading them and the call: decide once more on the locked card.
    return runBalanceOperation(ctx, input.card, undefined, (card, at) => decideAndDescribe(counter, staff, card, at));
  }
  if (!decision.ok) throw new AppError("INTERNAL_ERROR", {}, "The stamp guard and the engine disagreed.");
  return { result: describe(counter, call.before, decision, call.entryId), replayed: false };
}

type AcceptedStamp = Extract<ReturnType<typeof decideStamp>, { ok: true }>;

function describe(counter: CounterContext, card: LockedCard, decision: AcceptedStamp, entryId: string): StampResult {
  return {
    transactionId: entryId,
    cardNumber: card.cardNumber,
    stampCount: decision.stampCount,
    stampsTarget: counter.program.stampsTarget,
    rewardEarned: decision.rewardEarned,
    rewardAvailable: decision.rewardAvailable,
    rewardDescription: counter.program.stampsRewardDescription,
    stampsToday: decision.stampsToday,
    nextStampAvailableAt: decision.nextStampAvailableAt.toISOString(),
  };
}

function decideAndDescribe(counter: CounterContext, staff: AuthorizedStaff, card: LockedCard, now: Date) {
  const decision = decideStamp({ card, rules: counter.program, now, timeZone: counter.timeZone });
  if (!decision.ok) throw refusalError(decision);
  const entryId = newId();
  return {
    result: describe(counter, card, decision, entryId),
    change: {
      entryId,
      timeZone: counter.timeZone,
      type: "stamp_earned" as const,
      stampsDelta: 1,
      pointsDelta: 0,
      stamp: { day: decision.stampDay, stampsOnDay: decision.stampsToday },
      lifetime: { stampsEarned: 1 },
      storeId: counter.storeId,
      staffMemberId: staff?.staffMemberId ?? null,
      rewardEarned: decision.rewardEarned,
    },
  };
}
