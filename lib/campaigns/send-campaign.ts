import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import { findReplay, hashRequest, storeAnswer, type IdempotencyInput } from "@/lib/ledger/idempotency";
import { campaignEmail } from "@/lib/notifications/customer-notice-emails";
import { emailRecipientOf, RECIPIENT_CARD_SELECT } from "@/lib/notifications/email-recipient";
import type { ServiceContext } from "@/lib/service-context";
import { campaignRecipientsWhere } from "./campaign-recipients";
import type { ComposeCampaignInput } from "./schemas";

/** A campaign larger than this is refused (a dashboard send is for a shop's customers, not a mailing platform). */
const MAX_RECIPIENTS = 20_000;

export type SentCampaign = { campaignId: string; recipients: number; minutes: number };

/**
 * Sends a campaign: in one transaction, the campaign's record, one mail.send outbox event per recipient (each in
 * the customer's language, with the unsubscribe link) spread out over time by their next attempt, and the audit
 * entry. `pace` is mails a minute (LOYALTY_CAMPAIGN_MAILS_PER_MINUTE), so a large list neither floods the SMTP relay
 * nor looks like spam to receivers. The outbox delivers them with retries, so a crash neither loses nor repeats one.
 * With an `idempotencyKey`, a send tried again (its answer was lost) is answered with the first one instead of
 * sending the campaign twice; the same key with another campaign is refused (IDEMPOTENCY_CONFLICT).
 */
export async function sendCampaign(
  ctx: ServiceContext,
  input: ComposeCampaignInput & { idempotencyKey?: string },
  pace = getConfig().mail.campaignMailsPerMinute,
): Promise<SentCampaign> {
  const { idempotencyKey, ...campaign } = input;
  const idempotency = idempotencyKey
    ? { key: `campaign:${idempotencyKey}`, requestHash: hashRequest("POST", "campaigns", campaign) }
    : null;
  try {
    return await writeCampaign(ctx, campaign, pace, idempotency);
  } catch (error) {
    // The same send twice at once: the first one's answer.
    if (idempotency && isUniqueViolation(error, "idempotency_records")) {
      const replay = await findReplay<SentCampaign>(ctx.merchantId, idempotency);
      if (replay) return replay;
    }
    throw error;
  }
}

function writeCampaign(
  ctx: ServiceContext,
  input: ComposeCampaignInput,
  pace: number,
  idempotency: IdempotencyInput | null,
): Promise<SentCampaign> {
  const now = ctx.clock.now();
  return db.$transaction(
    async (tx) => {
      if (idempotency) {
        const replay = await findReplay<SentCampaign>(ctx.merchantId, idempotency, tx);
        if (replay) return replay;
      }
      const where = await campaignRecipientsWhere(tx, ctx.merchantId, input.segment, now);
      const cards = await tx.card.findMany({ where, select: RECIPIENT_CARD_SELECT, orderBy: { id: "asc" }, take: MAX_RECIPIENTS + 1 });
      if (cards.length > MAX_RECIPIENTS)
        throw new AppError("VALIDATION_FAILED", { fieldErrors: { segment: ["validation.tooManyRecipients"] } });
      const recipients = cards.flatMap((card) => emailRecipientOf(card) ?? []);
      if (recipients.length === 0) throw new AppError("VALIDATION_FAILED", { fieldErrors: { segment: ["validation.noRecipients"] } });
      const campaignId = newId();
      await tx.campaign.create({
        data: {
          id: campaignId,
          merchantId: ctx.merchantId,
          subject: input.subject,
          message: input.message,
          segment: input.segment,
          recipients: recipients.length,
          createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
          createdAt: now,
        },
      });
      const spacingMs = 60_000 / pace;
      await tx.outboxEvent.createMany({
        data: recipients.map((recipient, index) => ({
          id: newId(),
          merchantId: ctx.merchantId,
          type: EVENT_TYPES.mailSend,
          payload: campaignEmail(recipient, input),
          nextAttemptAt: new Date(now.getTime() + Math.floor(index * spacingMs)),
          createdAt: now,
        })),
      });
      await recordAudit(tx, ctx, {
        action: "campaign.sent",
        targetType: "campaign",
        targetId: campaignId,
        details: { subject: input.subject, segment: input.segment, recipients: recipients.length },
      });
      const sent: SentCampaign = { campaignId, recipients: recipients.length, minutes: Math.max(1, Math.ceil(recipients.length / pace)) };
      if (idempotency) await storeAnswer(tx, ctx.merchantId, idempotency, sent, now);
      return sent;
    },
    { timeout: 60_000 },
  );
}
