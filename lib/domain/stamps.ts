import { secondsUntil, type Accepted, type Refused } from "./decisions";
import { localDayOf, startOfNextLocalDay } from "./local-day";

export type StampCardState = {
  stampCount: number;
  lastStampAt: Date | null;
  /** Local day ("YYYY-MM-DD") that `stampsOnDay` counts, or null before the first stamp. */
  stampDay: string | null;
  stampsOnDay: number;
};

export type StampRules = { stampsTarget: number; cooldownMinutes: number; maxDailyStamps: number };

export type StampDecision =
  | Accepted<{
      stampCount: number;
      stampDay: string;
      stampsToday: number;
      /** This stamp brought the card to its target. */
      rewardEarned: boolean;
      /** The card holds a reward to redeem (it is full). */
      rewardAvailable: boolean;
      /** When the next stamp would be accepted (cooldown, or the next local day once the limit is reached). */
      nextStampAvailableAt: Date;
    }>
  | Refused<"CARD_FULL", { stampsTarget: number }>
  | Refused<"DAILY_LIMIT_REACHED", { stampsToday: number; nextStampAvailableAt: Date; retryAfterSeconds: number }>
  | Refused<"COOLDOWN_ACTIVE", { nextStampAvailableAt: Date; retryAfterSeconds: number }>;

/**
 * Whether a card may take a stamp now. Refusals, in this order: a full card
 * (until redeemed); the daily limit, counted per calendar day in the
 * merchant's time zone; the cooldown since the last stamp, which ends at
 * exactly `cooldownMinutes` after it.
 */
export function decideStamp({
  card,
  rules,
  now,
  timeZone,
}: {
  card: StampCardState;
  rules: StampRules;
  now: Date;
  timeZone: string;
}): StampDecision {
  if (card.stampCount >= rules.stampsTarget) return { ok: false, code: "CARD_FULL", stampsTarget: rules.stampsTarget };

  const today = localDayOf(now, timeZone);
  const stampsToday = card.stampDay === today ? card.stampsOnDay : 0;
  // No cooldown at all when it is 0, even if the last stamp looks later than now (clocks of two instances).
  const cooldownEnds =
    card.lastStampAt && rules.cooldownMinutes > 0 ? new Date(card.lastStampAt.getTime() + rules.cooldownMinutes * 60_000) : null;
  const inCooldown = cooldownEnds !== null && now.getTime() < cooldownEnds.getTime();

  if (stampsToday >= rules.maxDailyStamps) {
    const tomorrow = startOfNextLocalDay(now, timeZone);
    const next = inCooldown && cooldownEnds > tomorrow ? cooldownEnds : tomorrow;
    return { ok: false, code: "DAILY_LIMIT_REACHED", stampsToday, nextStampAvailableAt: next, retryAfterSeconds: secondsUntil(next, now) };
  }
  if (inCooldown) {
    return { ok: false, code: "COOLDOWN_ACTIVE", nextStampAvailableAt: cooldownEnds, retryAfterSeconds: secondsUntil(cooldownEnds, now) };
  }

  const stampCount = card.stampCount + 1;
  const newStampsToday = stampsToday + 1;
  const afterCooldown = new Date(now.getTime() + rules.cooldownMinutes * 60_000);
  const nextStampAvailableAt =
    newStampsToday >= rules.maxDailyStamps
      ? new Date(Math.max(afterCooldown.getTime(), startOfNextLocalDay(now, timeZone).getTime()))
      : afterCooldown;
  return {
    ok: true,
    stampCount,
    stampDay: today,
    stampsToday: newStampsToday,
    rewardEarned: stampCount === rules.stampsTarget,
    rewardAvailable: stampCount >= rules.stampsTarget,
    nextStampAvailableAt,
  };
}

export type StampRedemptionDecision =
  Accepted<{ stampCount: number; stampsDelta: number }> | Refused<"REWARD_NOT_AVAILABLE", { stampsNeeded: number }>;

/** Redeeming a full card subtracts the target; a card short of it has nothing to redeem. */
export function decideStampRedemption({ stampCount, stampsTarget }: { stampCount: number; stampsTarget: number }): StampRedemptionDecision {
  if (stampCount < stampsTarget) return { ok: false, code: "REWARD_NOT_AVAILABLE", stampsNeeded: stampsTarget - stampCount };
  return { ok: true, stampCount: stampCount - stampsTarget, stampsDelta: -stampsTarget };
}

/**
 * The stamp rules as the values a database guard needs, so one statement can
 * check and apply a stamp atomically (lib/cards/add-stamp.ts, the fast path):
 * a stamp is allowed when
 *   stampCount < target
 *   AND (stampDay ≠ today OR stampsOnDay < maxDailyStamps)
 *   AND (cooldownCutoff is null OR lastStampAt is null OR lastStampAt ≤ cooldownCutoff).
 * This is exactly when decideStamp accepts; a property test checks the two
 * agree on both databases.
 */
export type StampGuard = { target: number; maxDailyStamps: number; today: string; cooldownCutoff: Date | null };

export function stampGuard({ rules, now, timeZone }: { rules: StampRules; now: Date; timeZone: string }): StampGuard {
  return {
    target: rules.stampsTarget,
    maxDailyStamps: rules.maxDailyStamps,
    today: localDayOf(now, timeZone),
    cooldownCutoff: rules.cooldownMinutes > 0 ? new Date(now.getTime() - rules.cooldownMinutes * 60_000) : null,
  };
}
