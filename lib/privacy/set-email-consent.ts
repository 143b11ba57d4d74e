import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Clock } from "@/lib/clock";
import { CONSENT_TEXT_VERSION } from "@/lib/customers/consent";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { findCardByPageToken } from "@/lib/web-card/find-card-by-page-token";
import { customerContext } from "./customer-context";

/**
 * Records a consent decision: given (now, with the current text version) or
 * withdrawn (the time of the withdrawal, no version). Audit-logged with the
 * way it was made. Nothing happens to an erased customer.
 */
export async function recordConsentDecision(
  tx: Tx,
  ctx: ServiceContext,
  customerId: string,
  consent: boolean,
  via: "web_card" | "unsubscribe_link",
): Promise<boolean> {
  const now = ctx.clock.now();
  const changed = await tx.customer.updateMany({
    where: {
      id: customerId,
      erasedAt: null,
      cards: { some: { merchantId: ctx.merchantId } },
      ...(consent ? { email: { not: null } } : {}),
    },
    data: consent
      ? { emailConsent: true, emailConsentAt: now, emailConsentVersion: CONSENT_TEXT_VERSION }
      : { emailConsent: false, emailConsentAt: now, emailConsentVersion: null },
  });
  if (changed.count === 0) return false;
  await recordAudit(tx, ctx, {
    action: consent ? "customer.consent_given" : "customer.consent_withdrawn",
    targetType: "customer",
    targetId: customerId,
    details: { by: "customer", via, ...(consent ? { textVersion: CONSENT_TEXT_VERSION } : {}) },
  });
  return true;
}

/** The customer gives or withdraws email consent from their web card. */
export async function setEmailConsent(pageToken: string, consent: boolean, clock: Clock): Promise<void> {
  const found = await findCardByPageToken(pageToken);
  if (!found) throw new AppError("NOT_FOUND", {}, "No such card.");
  const ctx = customerContext(found.merchantId, clock);
  const card = await db.card.findFirstOrThrow({
    where: { id: found.id, merchantId: found.merchantId },
    select: { customerId: true, customer: { select: { email: true, erasedAt: true } } },
  });
  if (card.customer.erasedAt) throw new AppError("NOT_FOUND", {}, "This card's personal data was erased.");
  if (consent && !card.customer.email) {
    throw new AppError("VALIDATION_FAILED", { fieldErrors: { emailConsent: ["validation.consentNeedsEmail"] } });
  }
  await db.$transaction((tx) => recordConsentDecision(tx, ctx, card.customerId, consent, "web_card"));
}
