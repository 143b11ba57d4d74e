import "server-only";
import { hashSecret } from "@/lib/auth/password-hash";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreatePlatformAdminInput } from "./schemas";

/**
 * Creates a platform admin: a user with the admin role and no merchant
 * (`npm run admin:create`, the demo seed). An email already in use, by an
 * admin or a merchant's user, is refused.
 */
export async function createPlatformAdmin(input: CreatePlatformAdminInput): Promise<{ userId: string; email: string }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing)
    throw new AppError(
      "VALIDATION_FAILED",
      { fieldErrors: { email: ["validation.emailTaken"] } },
      "A user with this email already exists.",
    );
  const passwordHash = await hashSecret(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name ?? null, role: "admin", merchantId: null, passwordHash },
      select: { id: true, email: true },
    });
    return { userId: user.id, email: user.email };
  } catch (error) {
    // Created by someone else between the check and the insert.
    if ((error as { code?: string }).code === "P2002")
      throw new AppError(
        "VALIDATION_FAILED",
        { fieldErrors: { email: ["validation.emailTaken"] } },
        "A user with this email already exists.",
      );
    throw error;
  }
}
