import "server-only";
import { hashSecret } from "@/lib/auth/password-hash";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import type { SignUpInput } from "./schemas";

/**
 * Creates a merchant and its owner. The merchant starts with no program,
 * store or staff: the guided setup comes next. An email that already has an
 * account is refused next to the field.
 */
export async function signUp(input: SignUpInput, clientKey: string): Promise<{ merchantId: string; userId: string }> {
  await consumeRateLimit("signUpByClient", clientKey);
  const passwordHash = await hashSecret(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const merchant = await tx.merchant.create({ data: { name: input.businessName, defaultLocale: input.locale } });
      const user = await tx.user.create({
        data: { merchantId: merchant.id, email: input.email, name: input.name, passwordHash, role: "owner" },
      });
      await tx.auditLog.create({
        data: {
          merchantId: merchant.id,
          actorType: "user",
          actorId: user.id,
          userId: user.id,
          action: "merchant.signed_up",
          details: { name: input.businessName },
        },
      });
      return { merchantId: merchant.id, userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("VALIDATION_FAILED", { fieldErrors: { email: ["validation.emailTaken"] } }, "This email already has an account.");
    }
    throw error;
  }
}
