import "server-only";
import { apiKeyDisplayPrefix, hashApiKey } from "@/lib/auth/api-key-secret";
import { hashSecret, verifySecret } from "@/lib/auth/password-hash";
import { pinLookupDigest } from "@/lib/auth/pin-lookup";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { LedgerEntryCreateManyInput, StaffMemberModel, StoreModel } from "@/lib/db/generated/models";
import { rebuildStats } from "@/lib/stats/rebuild-stats";
import { DEMO_ADMIN_EMAIL, DEMO_OWNER_EMAIL, demoAdminPassword, demoApiKey, demoOwnerPassword, demoStaffPins } from "./demo-credentials";
import { DEMO_STAMPS_TARGET, DEMO_TIME_ZONE, STAFF, STORES, generateDemoHistory, localDay } from "./demo-history";

export type DemoSeed = {
  created: boolean;
  /** False when the demo was created with another server secret: the printed password and PINs will not work. */
  credentialsMatch: boolean;
  merchantName: string;
  ownerEmail: string;
  ownerPassword: string;
  /** The demo's platform admin (the admin console at /admin). */
  adminEmail: string;
  adminPassword: string;
  apiKey: string;
  merchantId: string;
  stores: { id: string; code: string; name: string }[];
  staff: { id: string; name: string; pin: string }[];
  customers: number;
};

const MERCHANT_NAME = "Café Lumière";
const CONSENT_TEXT_VERSION = "2026-01";

/**
 * Creates the demo café (two stores, a 10-stamp program, three staff with
 * PINs, fifty customers with sixty days of history) in one transaction, or
 * does nothing when it already exists. Credentials derive from the server
 * secret, so a second run prints the same ones.
 */
export async function seedDemo(prisma: PrismaClient, secretKey: string, now: Date): Promise<DemoSeed> {
  const ownerPassword = demoOwnerPassword(secretKey);
  const apiKey = demoApiKey(secretKey);
  const pins = demoStaffPins(secretKey, STAFF.length);

  await ensureDemoAdmin(prisma, secretKey);
  const existing = await findDemo(prisma);
  if (existing) return describe(prisma, existing.id, false, { ownerPassword, apiKey, pins }, secretKey);

  // argon2 outside the transaction: it is slow on purpose.
  const [passwordHash, ...pinHashes] = await Promise.all([hashSecret(ownerPassword), ...pins.map((pin) => hashSecret(pin))]);
  const history = generateDemoHistory(now);

  const merchantId = await prisma.$transaction(
    async (tx) => {
      // Two seeds at once (two processes on one PostgreSQL) must not both create the demo.
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('loyalty.seed-demo'))");
      const raced = await tx.merchant.findFirst({ where: { isDemo: true }, select: { id: true } });
      if (raced) return raced.id;

      const merchant = await tx.merchant.create({
        data: { name: MERCHANT_NAME, timeZone: DEMO_TIME_ZONE, defaultLocale: "fr", isDemo: true, createdAt: daysBefore(now, 61) },
      });
      await tx.user.create({
        data: { merchantId: merchant.id, email: DEMO_OWNER_EMAIL, name: "Claire Weber", passwordHash, role: "owner" },
      });
      const program = await tx.program.create({
        data: {
          merchantId: merchant.id,
          type: "stamps",
          cardName: `${MERCHANT_NAME} — carte café`,
          stampsTarget: DEMO_STAMPS_TARGET,
          stampsRewardDescription: "Un café offert au choix / A free coffee of your choice",
          cooldownMinutes: 15,
          maxDailyStamps: 5,
          requireStaffPin: true,
        },
      });
      const stores: StoreModel[] = [];
      for (const store of STORES) {
        stores.push(await tx.store.create({ data: { merchantId: merchant.id, ...store, createdAt: daysBefore(now, 61) } }));
      }
      const staff: StaffMemberModel[] = [];
      for (const [index, member] of STAFF.entries()) {
        staff.push(
          await tx.staffMember.create({
            data: {
              merchantId: merchant.id,
              name: member.name,
              pinHash: pinHashes[index]!,
              pinLookup: pinLookupDigest(secretKey, merchant.id, pins[index]!),
              stores: { create: member.stores.map((storeIndex) => ({ storeId: stores[storeIndex]!.id })) },
            },
          }),
        );
      }
      await tx.apiKey.create({
        data: { merchantId: merchant.id, name: "Demo integration", prefix: apiKeyDisplayPrefix(apiKey), keyHash: hashApiKey(apiKey) },
      });

      const ledger: LedgerEntryCreateManyInput[] = [];
      const staffLastActivity = new Map<number, Date>();
      for (const customer of history) {
        const { visits } = customer;
        const created = await tx.customer.create({
          data: {
            name: customer.name,
            email: customer.email,
            phone: customer.phone,
            birthday: customer.birthday,
            locale: customer.locale,
            emailConsent: customer.emailConsent,
            emailConsentAt: customer.emailConsent ? customer.enrolledAt : null,
            emailConsentVersion: customer.emailConsent ? CONSENT_TEXT_VERSION : null,
            createdAt: customer.enrolledAt,
          },
        });
        const stampVisits = visits.filter((visit) => visit.kind === "stamp");
        const lastStamp = stampVisits.at(-1);
        const lastVisit = visits.at(-1)!;
        const card = await tx.card.create({
          data: {
            merchantId: merchant.id,
            programId: program.id,
            customerId: created.id,
            createdStoreId: stores[customer.enrolledStoreIndex]!.id,
            ...generateCardIdentifiers(),
            stampCount: lastVisit.stampsAfter,
            stampsEarned: stampVisits.length,
            stampRewardsRedeemed: visits.length - stampVisits.length,
            lastStampAt: lastStamp?.at ?? null,
            stampDay: lastStamp ? localDay(lastStamp.at, DEMO_TIME_ZONE) : null,
            stampsOnDay: lastStamp ? 1 : 0,
            lastActivityAt: lastVisit.at,
            version: 1 + visits.length,
            createdAt: customer.enrolledAt,
          },
        });
        for (const visit of visits) {
          ledger.push({
            merchantId: merchant.id,
            cardId: card.id,
            type: visit.kind === "stamp" ? "stamp_earned" : "stamp_reward_redeemed",
            stampsDelta: visit.kind === "stamp" ? 1 : -DEMO_STAMPS_TARGET,
            stampsAfter: visit.stampsAfter,
            pointsAfter: 0,
            storeId: stores[visit.storeIndex]!.id,
            staffMemberId: staff[visit.staffIndex]!.id,
            createdAt: visit.at,
          });
          const last = staffLastActivity.get(visit.staffIndex);
          if (!last || last < visit.at) staffLastActivity.set(visit.staffIndex, visit.at);
        }
      }
      await tx.ledgerEntry.createMany({ data: ledger });
      for (const [index, at] of staffLastActivity) {
        await tx.staffMember.update({ where: { id: staff[index]!.id }, data: { lastActivityAt: at } });
      }
      // The history was written directly, without outbox events: build its statistics from it.
      await rebuildStats(tx, merchant.id);
      return merchant.id;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return describe(prisma, merchantId, true, { ownerPassword, apiKey, pins }, secretKey);
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

function findDemo(prisma: PrismaClient) {
  return prisma.merchant.findFirst({ where: { isDemo: true }, select: { id: true } });
}

async function describe(
  prisma: PrismaClient,
  merchantId: string,
  created: boolean,
  secrets: { ownerPassword: string; apiKey: string; pins: string[] },
  secretKey: string,
): Promise<DemoSeed> {
  const merchant = await prisma.merchant.findUniqueOrThrow({
    where: { id: merchantId },
    select: {
      name: true,
      users: { where: { email: DEMO_OWNER_EMAIL }, select: { passwordHash: true } },
      stores: { select: { id: true, code: true, name: true }, orderBy: { code: "asc" } },
      staffMembers: { select: { id: true, name: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { cards: true } },
    },
  });
  const owner = merchant.users[0];
  const credentialsMatch = owner ? await verifySecret(owner.passwordHash, secrets.ownerPassword) : false;
  return {
    created,
    credentialsMatch,
    merchantName: merchant.name,
    ownerEmail: DEMO_OWNER_EMAIL,
    ownerPassword: secrets.ownerPassword,
    adminEmail: DEMO_ADMIN_EMAIL,
    adminPassword: demoAdminPassword(secretKey),
    apiKey: secrets.apiKey,
    merchantId,
    stores: merchant.stores,
    staff: merchant.staffMembers.map((member, index) => ({ ...member, pin: secrets.pins[index]! })),
    customers: merchant._count.cards,
  };
}

/** The demo's platform admin, unless a user with that email exists already (created with the same derived password). */
async function ensureDemoAdmin(prisma: PrismaClient, secretKey: string): Promise<void> {
  if (await prisma.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) return;
  const passwordHash = await hashSecret(demoAdminPassword(secretKey));
  await prisma.user.createMany({
    data: [{ email: DEMO_ADMIN_EMAIL, name: "Platform admin", role: "admin", merchantId: null, passwordHash }],
    skipDuplicates: true,
  });
}
