import "server-only";
import type { Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getJoinProgram } from "@/lib/enrollment/get-join-program";
import { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { RECOVERY_CODE_MAX_ATTEMPTS, recoveryCodeMatches } from "./recovery-code";

function wrongCode(): AppError {
  return new AppError(
    "VALIDATION_FAILED",
    { fieldErrors: { code: ["validation.recoveryCodeWrong"] } },
    "This code is not right or has expired.",
  );
}

/**
 * Opens the card with the emailed code: its page token, once. A wrong code
 * counts against the code (five tries, then it is spent) and against the
 * client; an unknown address, an expired or spent code and a wrong code all
 * get the same answer.
 */
export async function verifyRecoveryCode(
  input: { storeCode: string; email: string; code: string },
  request: { clientKey: string },
  clock: Clock,
): Promise<{ pageToken: string }> {
  await consumeRateLimit("recoveryVerifyByClient", request.clientKey);
  const target = await getJoinProgram(input.storeCode);
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  // A wrong code's count must be saved, so the transaction answers null rather than throwing (which would undo it).
  const opened = await db.$transaction(async (tx): Promise<{ pageToken: string } | null> => {
    const card = await tx.card.findFirst({
      where: { merchantId: target.merchantId, customer: { email, erasedAt: null } },
      select: { id: true, pageToken: true },
    });
    const latest = card
      ? await tx.cardRecoveryCode.findFirst({
          where: { cardId: card.id, merchantId: target.merchantId, usedAt: null, expiresAt: { gt: now } },
          orderBy: { createdAt: "desc" },
        })
      : null;
    if (!card || !latest || latest.attempts >= RECOVERY_CODE_MAX_ATTEMPTS) return null;
    if (!recoveryCodeMatches(latest.id, input.code, latest.codeHash)) {
      const attempts = latest.attempts + 1;
      await tx.cardRecoveryCode.update({
        where: { id: latest.id },
        data: { attempts, ...(attempts >= RECOVERY_CODE_MAX_ATTEMPTS ? { usedAt: now } : {}) },
      });
      return null;
    }
    const spent = await tx.cardRecoveryCode.updateMany({ where: { id: latest.id, usedAt: null }, data: { usedAt: now } });
    return spent.count === 1 ? { pageToken: card.pageToken } : null;
  });
  if (!opened) throw wrongCode();
  return opened;
}
