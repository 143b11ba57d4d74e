import "server-only";
import type { CardView } from "@/lib/cards/card-view";
import { enrollCustomer } from "@/lib/cards/enroll-customer";
import type { Clock } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import type { ServiceContext } from "@/lib/service-context";
import { cardLinkEmail } from "./customer-emails";
import { getJoinProgram } from "./get-join-program";
import type { PublicEnrollRequest } from "./schemas";

export type EnrollRequestInfo = { clientKey: string; userAgent: string | null; locale: string };

/** A new card (shown at once), or the address already had one here and its link was emailed instead. */
export type PublicEnrollment = { status: "created"; card: CardView; pageToken: string } | { status: "emailed" };

/**
 * Enrollment from a store's QR page or the public API: rate limited per
 * client address and per store, then the engine's enrollCustomer at the
 * merchant the store code names. An email that already has a card here never
 * gets that card on this screen (anyone can type anyone's address): its link
 * is emailed to the address, and the answer says only that.
 */
export async function enrollFromStore(input: PublicEnrollRequest, request: EnrollRequestInfo, clock: Clock): Promise<PublicEnrollment> {
  await consumeRateLimit("enrollByClient", request.clientKey);
  const target = await getJoinProgram(input.storeCode);
  await consumeRateLimit("enrollByStore", target.storeId);
  if (!target.acceptingEnrollments) throw new AppError("MERCHANT_SUSPENDED", {}, "This merchant is not taking new cards right now.");

  const ctx: ServiceContext = {
    merchantId: target.merchantId,
    actor: { type: "system" },
    clock,
    request: { ip: request.clientKey, userAgent: request.userAgent },
  };
  const locale = input.customer.locale ?? request.locale;
  const { card, created } = await enrollCustomer(ctx, {
    storeId: target.storeId,
    customer: { ...input.customer, locale: locale as "en" | "fr" | "de" | "lb" },
    emailConsent: input.emailConsent,
  });
  const row = await db.card.findFirstOrThrow({
    where: { id: card.id, merchantId: target.merchantId },
    select: { pageToken: true, customer: { select: { id: true, email: true } } },
  });
  if (created) return { status: "created", card, pageToken: row.pageToken };

  const email = row.customer.email;
  if (!email) return { status: "emailed" };
  try {
    // Someone typing another person's address over and over must not flood their inbox.
    await consumeRateLimit("recoveryByEmail", `card-link:${target.merchantId}:${email}`);
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") return { status: "emailed" };
    throw error;
  }
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const message = cardLinkEmail(
      { to: email, customerId: row.customer.id, locale, merchantName: target.merchant.name, brandColor: target.program.cardColor },
      `${getConfig().publicUrl}/card/${row.pageToken}`,
    );
    await enqueueMail(tx, message, { merchantId: target.merchantId, now });
  });
  return { status: "emailed" };
}
