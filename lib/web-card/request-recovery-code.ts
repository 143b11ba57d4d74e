import "server-only";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getJoinProgram } from "@/lib/enrollment/get-join-program";
import { recoveryCodeEmail } from "@/lib/enrollment/customer-emails";
import { newId } from "@/lib/ids";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_VALID_MINUTES } from "./recovery-code";

/**
 * "I already have a card": emails a six-digit code (valid ten minutes) to the
 * address if it has a card at the store's merchant. Answers the same either
 * way, so nobody learns whether an address has a card; rate limited per
 * client and per address. A new code replaces the ones before it.
 */
export async function requestRecoveryCode(
  input: { storeCode: string; email: string },
  request: { clientKey: string; locale: string },
  clock: Clock,
): Promise<void> {
  await consumeRateLimit("recoveryByClient", request.clientKey);
  const target = await getJoinProgram(input.storeCode);
  const email = input.email.trim().toLowerCase();
  await consumeRateLimit("recoveryByEmail", `recovery:${target.merchantId}:${email}`);
  const card = await db.card.findFirst({
    where: { merchantId: target.merchantId, customer: { email, erasedAt: null } },
    select: { id: true, customerId: true, customer: { select: { locale: true } } },
  });
  if (!card) return;
  const now = clock.now();
  const code = newRecoveryCode();
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.cardRecoveryCode.updateMany({
      where: { cardId: card.id, merchantId: target.merchantId, usedAt: null },
      data: { usedAt: now },
    });
    await tx.cardRecoveryCode.create({
      data: {
        id,
        merchantId: target.merchantId,
        cardId: card.id,
        codeHash: hashRecoveryCode(id, code),
        expiresAt: new Date(now.getTime() + RECOVERY_CODE_VALID_MINUTES * 60_000),
        createdAt: now,
      },
    });
    const message = recoveryCodeEmail(
      {
        to: email,
        customerId: card.customerId,
        locale: request.locale,
        merchantName: target.merchant.name,
        brandColor: target.program.cardColor,
      },
      code,
      RECOVERY_CODE_VALID_MINUTES,
    );
    await enqueueMail(tx, message, { merchantId: target.merchantId, now });
  });
}
