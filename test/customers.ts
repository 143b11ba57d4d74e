import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import type { PrismaClient } from "@/lib/db/generated/client";
import { normalizePhone } from "@/lib/domain/phone";

export type CustomerSeed = {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  emailConsent?: boolean;
  erasedAt?: Date;
  createdAt?: Date;
  stampCount?: number;
  pointsBalance?: number;
  lastActivityAt?: Date | null;
};

/**
 * A customer and their card at a merchant, written directly (no ledger rows):
 * search and listing tests need exact names, dates and balances.
 */
export async function seedCustomerCard(
  prisma: PrismaClient,
  at: { merchant: { id: string }; program: { id: string }; store: { id: string } },
  seed: CustomerSeed = {},
) {
  const createdAt = seed.createdAt ?? new Date();
  const customer = await prisma.customer.create({
    data: {
      name: seed.name === undefined ? "Test Customer" : seed.name,
      email: seed.email?.toLowerCase() ?? null,
      phone: seed.phone ? normalizePhone(seed.phone) : null,
      emailConsent: seed.emailConsent ?? false,
      emailConsentAt: seed.emailConsent ? createdAt : null,
      emailConsentVersion: seed.emailConsent ? "2026-01" : null,
      erasedAt: seed.erasedAt ?? null,
      createdAt,
    },
  });
  return prisma.card.create({
    data: {
      merchantId: at.merchant.id,
      programId: at.program.id,
      customerId: customer.id,
      createdStoreId: at.store.id,
      ...generateCardIdentifiers(),
      stampCount: seed.stampCount ?? 0,
      pointsBalance: seed.pointsBalance ?? 0,
      lastActivityAt: seed.lastActivityAt === undefined ? createdAt : seed.lastActivityAt,
      createdAt,
    },
  });
}
