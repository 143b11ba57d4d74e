import { randomBytes } from "node:crypto";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { hashSecret } from "@/lib/auth/password-hash";
import { pinLookupDigest } from "@/lib/auth/pin-lookup";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import { systemClock, type Clock } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { ProgramUncheckedCreateInput, StoreModel } from "@/lib/db/generated/models";
import type { ServiceContext } from "@/lib/service-context";

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
    data: { merchantId: merchant.id, name: `${name} store`, code: uniq("S").replace("-", "").toUpperCase() },
  });
  return { merchant, program, store };
}

export async function createCard(
  prisma: PrismaClient,
  merchant: { id: string },
  program: { id: string },
  customer: { name?: string; email?: string } = {},
) {
  const created = await prisma.customer.create({ data: { name: customer.name ?? uniq("Customer"), email: customer.email } });
  return prisma.card.create({
    data: { merchantId: merchant.id, programId: program.id, customerId: created.id, ...generateCardIdentifiers() },
  });
}

type SetupOptions = {
  program?: Partial<Omit<ProgramUncheckedCreateInput, "merchantId">>;
  timeZone?: string;
  stores?: number;
  /** Staff members with their PINs and the indexes of the stores they work at (all by default). */
  staff?: { name?: string; pin: string; stores?: number[] }[];
  clock?: Clock;
};

/**
 * A merchant with a program, stores, staff with PINs, an API key, and a
 * service context acting through that key.
 */
export async function createMerchantSetup(prisma: PrismaClient, options: SetupOptions = {}) {
  const name = uniq("Café");
  const merchant = await prisma.merchant.create({ data: { name, timeZone: options.timeZone ?? "Europe/Luxembourg" } });
  const program = await prisma.program.create({
    data: {
      merchantId: merchant.id,
      type: "stamps",
      cardName: `${name} card`,
      stampsRewardDescription: "A free coffee",
      requireStaffPin: false,
      ...options.program,
    },
  });
  const stores: StoreModel[] = [];
  for (let i = 0; i < (options.stores ?? 1); i++) {
    stores.push(
      await prisma.store.create({
        data: { merchantId: merchant.id, name: `${name} store ${i + 1}`, code: randomBytes(5).toString("hex").toUpperCase() },
      }),
    );
  }
  const secretKey = getConfig().secrets.secretKey;
  const staff = [];
  for (const member of options.staff ?? []) {
    const created = await prisma.staffMember.create({
      data: {
        merchantId: merchant.id,
        name: member.name ?? uniq("Staff"),
        pinHash: await hashSecret(member.pin),
        pinLookup: pinLookupDigest(secretKey, merchant.id, member.pin),
        stores: { create: (member.stores ?? stores.map((_, i) => i)).map((index) => ({ storeId: stores[index]!.id })) },
      },
    });
    staff.push({ ...created, pin: member.pin });
  }
  const { key, keyHash, prefix } = generateApiKey();
  const apiKey = await prisma.apiKey.create({ data: { merchantId: merchant.id, name: "tests", keyHash, prefix } });
  const ctx: ServiceContext = {
    merchantId: merchant.id,
    actor: { type: "api_key", apiKeyId: apiKey.id },
    clock: options.clock ?? systemClock,
  };
  return { merchant, program, stores, store: stores[0]!, staff, apiKey: { ...apiKey, key }, ctx };
}

/** The same merchant acting as its owner (dashboard user). */
export async function ownerContext(prisma: PrismaClient, merchantId: string, clock: Clock = systemClock): Promise<ServiceContext> {
  const user = await prisma.user.create({
    data: { merchantId, email: `${uniq("owner")}@example.com`, passwordHash: "x", role: "owner" },
  });
  return { merchantId, actor: { type: "user", userId: user.id, role: "owner" }, clock };
}
