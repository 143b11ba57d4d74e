import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";

/** Small builders for test data; each call makes unique rows. */

export function uniq(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createMerchant(prisma: PrismaClient, name = uniq("Café")) {
  const merchant = await prisma.merchant.create({ data: { name } });
  const program = await prisma.program.create({
    data: { merchantId: merchant.id, type: "stamps", cardName: `${name} card`, stampsRewardDescription: "A free coffee" },
  });
  const store = await prisma.store.create({
    data: { merchantId: merchant.id, name: `${name} store`, code: uniq("S").toUpperCase() },
  });
  return { merchant, program, store };
}

export async function createCard(prisma: PrismaClient, merchant: { id: string }, program: { id: string }) {
  const customer = await prisma.customer.create({ data: { name: uniq("Customer") } });
  return prisma.card.create({
    data: { merchantId: merchant.id, programId: program.id, customerId: customer.id, ...generateCardIdentifiers() },
  });
}
