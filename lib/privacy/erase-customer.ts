import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { EVENT_TYPES, type WalletCardErasedPayload } from "@/lib/jobs/event-types";
import { findCardByPageToken } from "@/lib/web-card/find-card-by-page-token";
import { customerContext } from "./customer-context";

/**
 * Erases the person behind a web card (GDPR art. 17), in one transaction:
 * their personal fields and consent record are cleared and erasedAt set;
 * recovery codes are deleted and the Google object id forgotten; the worker
 * tells the wallets: it voids the Apple pass, pushes it to the devices that
 * hold it and then drops their registrations (a device fetches the voided pass
 * through them first), and expires the Google object; the card, its balances and its
 * ledger rows stay, now tied to nobody, so the merchant's totals stay right.
 * Audit-logged. Erasing twice changes nothing more.
 */
export async function eraseCustomer(pageToken: string, clock: Clock): Promise<void> {
  const found = await findCardByPageToken(pageToken);
  if (!found) throw new AppError("NOT_FOUND", {}, "No such card.");
  const ctx = customerContext(found.merchantId, clock);
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const card = await tx.card.findFirstOrThrow({
      where: { id: found.id, merchantId: found.merchantId },
      select: { id: true, customerId: true, appleSerial: true, googleObjectId: true, customer: { select: { erasedAt: true } } },
    });
    if (card.customer.erasedAt) return;
    await tx.customer.update({
      where: { id: card.customerId },
      data: {
        name: null,
        email: null,
        phone: null,
        birthday: null,
        emailConsent: false,
        emailConsentAt: null,
        emailConsentVersion: null,
        erasedAt: now,
      },
    });
    // Kept until the worker has pushed the voided pass (lib/wallet/apple/apple-wallet-provider.ts forgetCard).
    const appleDevices = await tx.appleDeviceRegistration.count({ where: { cardId: card.id } });
    await tx.cardRecoveryCode.deleteMany({ where: { cardId: card.id, merchantId: found.merchantId } });
    await tx.card.update({ where: { id: card.id }, data: { googleObjectId: null, version: { increment: 1 } } });
    const payload: WalletCardErasedPayload = { cardId: card.id, appleSerial: card.appleSerial, googleObjectId: card.googleObjectId };
    await tx.outboxEvent.create({
      data: { id: newId(), merchantId: found.merchantId, type: EVENT_TYPES.walletCardErased, payload, nextAttemptAt: now, createdAt: now },
    });
    await recordAudit(tx, ctx, {
      action: "customer.erased",
      targetType: "customer",
      targetId: card.customerId,
      details: { by: "customer", appleDevicesRemoved: appleDevices, googleObjectRemoved: card.googleObjectId !== null },
    });
  });
}
