import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import type { OutboxRecord } from "@/lib/jobs/outbox-worker";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { oneStampAwayEmail, rewardAvailableEmail } from "./customer-notice-emails";
import { emailRecipientOf, RECIPIENT_CARD_SELECT } from "./email-recipient";

/** Written by stamp_card and apply_balance_change (migration scheduled_jobs_and_customer_emails) when a milestone is reached. */
export type CardMilestonePayload =
  | { cardId: string; stampsAfter: number; target: number; cycle: number }
  | { cardId: string; pointsBefore: number; pointsAfter: number; cycle: number };

/**
 * The outbox's transactional handler of loyalty.card_milestone events: decides whether the customer gets a
 * "reward available" or "one stamp away" email and queues it in the same transaction that marks the event done,
 * so each milestone is decided once even when a worker dies halfway. Each email goes at most once per card, kind
 * and reward cycle (the card_notices unique key), only with consent, and not for a reward redeemed meanwhile.
 */
export async function handleCardMilestones(tx: Tx, events: OutboxRecord[]): Promise<void> {
  for (const event of events) {
    const payload = event.payload as CardMilestonePayload;
    if (!event.merchantId) continue;
    const card = await tx.card.findFirst({
      where: { id: payload.cardId, merchantId: event.merchantId },
      select: {
        ...RECIPIENT_CARD_SELECT,
        stampCount: true,
        pointsBalance: true,
        stampRewardsRedeemed: true,
        pointsSpent: true,
        program: { select: { ...RECIPIENT_CARD_SELECT.program.select, stampsRewardDescription: true, stampsTarget: true } },
      },
    });
    const recipient = card ? emailRecipientOf(card) : null;
    if (!card || !recipient) continue;
    const notice = "stampsAfter" in payload ? decideStampNotice(card, payload) : await decidePointsNotice(tx, card, payload);
    if (!notice) continue;
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO card_notices (id, merchant_id, card_id, kind, cycle, created_at)
      VALUES (${newId()}::uuid, ${event.merchantId}::uuid, ${card.id}::uuid, ${notice.kind}, ${notice.cycle}, ${event.createdAt}::timestamptz)
      ON CONFLICT (card_id, kind, cycle) DO NOTHING RETURNING id`;
    if (inserted.length === 0) continue;
    const message =
      notice.kind === "one_stamp_away"
        ? oneStampAwayEmail(recipient, {
            stamps: card.stampCount,
            target: card.program.stampsTarget,
            reward: card.program.stampsRewardDescription,
          })
        : notice.points !== undefined
          ? rewardAvailableEmail(recipient, { description: notice.rewardName, points: notice.points })
          : rewardAvailableEmail(recipient, { description: card.program.stampsRewardDescription });
    await enqueueMail(tx, message, { merchantId: event.merchantId, now: event.createdAt });
  }
}

type CardState = { stampCount: number; pointsBalance: number; stampRewardsRedeemed: number; pointsSpent: number; program: { id: string } };
type Notice = { kind: "reward_available" | "one_stamp_away"; cycle: string; points?: number; rewardName: string | null };

/** Stamps: the reward cycle is the number of rewards redeemed so far, so a redeemed card starts the next one. */
function decideStampNotice(card: CardState, payload: Extract<CardMilestonePayload, { stampsAfter: number }>): Notice | null {
  if (card.stampRewardsRedeemed !== payload.cycle) return null;
  if (payload.stampsAfter >= payload.target) {
    return card.stampCount >= payload.target ? { kind: "reward_available", cycle: String(payload.cycle), rewardName: null } : null;
  }
  if (payload.target >= 2 && payload.stampsAfter === payload.target - 1 && card.stampCount < payload.target) {
    return { kind: "one_stamp_away", cycle: String(payload.cycle), rewardName: null };
  }
  return null;
}

/** Points: the dearest active catalog reward the points just reached, if the card still holds enough for it. */
async function decidePointsNotice(
  tx: Tx,
  card: CardState,
  payload: Extract<CardMilestonePayload, { pointsAfter: number }>,
): Promise<Notice | null> {
  const reward = await tx.reward.findFirst({
    where: { programId: card.program.id, active: true, pointsCost: { gt: payload.pointsBefore, lte: payload.pointsAfter } },
    orderBy: { pointsCost: "desc" },
    select: { id: true, name: true, pointsCost: true },
  });
  if (!reward || card.pointsBalance < reward.pointsCost || card.pointsSpent !== payload.cycle) return null;
  return { kind: "reward_available", cycle: `points:${payload.cycle}:${reward.id}`, points: card.pointsBalance, rewardName: reward.name };
}
