import "server-only";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import { CONSENT_TEXT_VERSION } from "@/lib/customers/consent";
import { db } from "@/lib/db";
import { BALANCE_TRANSACTION_OPTIONS, isUniqueViolation } from "@/lib/db/transaction";
import { localDayOf } from "@/lib/domain/local-day";
import { normalizePhone } from "@/lib/domain/phone";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { welcomeEmail } from "@/lib/notifications/customer-notice-emails";
import { emailRecipientOf, RECIPIENT_CARD_SELECT } from "@/lib/notifications/email-recipient";
import type { ServiceContext } from "@/lib/service-context";
import type { ActivityEvent } from "@/lib/stats/activity-event";
import { CARD_VIEW_SELECT, toCardView, type CardView } from "./card-view";
import { loadProgramForView } from "./load-program-for-view";

export type EnrollInput = {
  storeId: string;
  customer: { name?: string; email?: string; phone?: string; birthday?: string; locale?: "en" | "fr" | "de" | "lb" };
  emailConsent: boolean;
};

export type Enrollment = { card: CardView; created: boolean };

const IDENTIFIER_ATTEMPTS = 3;

/**
 * Creates a customer and their card at the merchant, in one transaction with
 * the statistics event and, when the customer agreed to emails, the welcome email. An email that already has a card here gets that card
 * back (created: false) instead of a second one; concurrent enrollments with
 * one email are serialized so that never races.
 */
export async function enrollCustomer(ctx: ServiceContext, input: EnrollInput): Promise<Enrollment> {
  const [store, program, merchant] = await Promise.all([
    db.store.findFirst({ where: { id: input.storeId, merchantId: ctx.merchantId, archivedAt: null }, select: { id: true } }),
    loadProgramForView(ctx.merchantId),
    db.merchant.findUniqueOrThrow({ where: { id: ctx.merchantId }, select: { timeZone: true, defaultLocale: true } }),
  ]);
  if (!store) throw new AppError("NOT_FOUND", { fieldErrors: { storeId: ["validation.storeNotFound"] } }, "Store not found.");
  const email = input.customer.email?.trim().toLowerCase() || null;
  const now = ctx.clock.now();

  for (let attempt = 1; ; attempt++) {
    try {
      const { cardId, created } = await db.$transaction(async (tx) => {
        if (email) {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`enroll:${ctx.merchantId}:${email}`}))`;
          const existing = await tx.card.findFirst({ where: { merchantId: ctx.merchantId, customer: { email } }, select: { id: true } });
          if (existing) return { cardId: existing.id, created: false };
        }
        const customer = await tx.customer.create({
          data: {
            name: input.customer.name?.trim() || null,
            email,
            phone: input.customer.phone ? normalizePhone(input.customer.phone) : null,
            birthday: input.customer.birthday ? new Date(`${input.customer.birthday}T00:00:00Z`) : null,
            locale: input.customer.locale ?? merchant.defaultLocale,
            emailConsent: input.emailConsent && email !== null,
            emailConsentAt: input.emailConsent && email !== null ? now : null,
            emailConsentVersion: input.emailConsent && email !== null ? CONSENT_TEXT_VERSION : null,
            createdAt: now,
          },
        });
        const card = await tx.card.create({
          data: {
            merchantId: ctx.merchantId,
            programId: program.id,
            customerId: customer.id,
            createdStoreId: store.id,
            ...generateCardIdentifiers(),
            lastActivityAt: now,
            createdAt: now,
          },
          select: { id: true },
        });
        const day = localDayOf(now, merchant.timeZone);
        const activity: ActivityEvent = {
          merchantId: ctx.merchantId,
          kind: "card_enrolled",
          day,
          storeId: store.id,
          staffMemberId: null,
          stampsDelta: 0,
          pointsDelta: 0,
          purchaseCents: null,
          rewardEarned: false,
          stampsAfter: 0,
          previousActivityDay: null,
          activityDay: day,
        };
        await tx.outboxEvent.create({
          data: {
            id: newId(),
            merchantId: ctx.merchantId,
            type: EVENT_TYPES.statsActivity,
            payload: activity,
            nextAttemptAt: now,
            createdAt: now,
          },
        });
        // The welcome email (with the card's link) is queued with the card, so it is sent once the card exists and never lost.
        if (customer.emailConsent) {
          const recipient = emailRecipientOf(await tx.card.findUniqueOrThrow({ where: { id: card.id }, select: RECIPIENT_CARD_SELECT }));
          if (recipient) await enqueueMail(tx, welcomeEmail(recipient), { merchantId: ctx.merchantId, now });
        }
        return { cardId: card.id, created: true };
      }, BALANCE_TRANSACTION_OPTIONS);
      const row = await db.card.findUniqueOrThrow({ where: { id: cardId }, select: CARD_VIEW_SELECT });
      return { card: toCardView(row, program), created };
    } catch (error) {
      // A random identifier collided with an existing card's: draw new ones.
      if (attempt < IDENTIFIER_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
