import argon2 from "argon2";
import { generateApiKey } from "@/lib/auth/api-key-secret";
import { ARGON2_OPTIONS } from "@/lib/auth/password-hash";
import { pinLookupDigest } from "@/lib/auth/pin-lookup";
import { generateCardIdentifiers } from "@/lib/cards/card-identifiers";
import type { Database } from "@/lib/db/open-database";
import { newId } from "@/lib/ids";
import { SYSTEM_SECRETS } from "./system-app";

export type CounterSeed = {
  merchantId: string;
  programId: string;
  storeId: string;
  apiKey: string;
  cards: { id: string; cardNumber: string }[];
  staffPin?: string;
};

/**
 * A merchant with a stamps program, a store, an API key and `cards` cards,
 * written in a few statements (as bench/stamp.ts does) so a suite can seed
 * hundreds of cards in well under a second. `staffPin` adds a staff member
 * at the store with that PIN (digest keyed with the system suites' secret).
 */
export async function seedCounter(
  database: Database,
  options: { cards: number; maxDailyStamps?: number; cooldownMinutes?: number; requireStaffPin?: boolean; staffPin?: string },
): Promise<CounterSeed> {
  const { prisma } = database;
  const merchant = await prisma.merchant.create({ data: { name: "System café" } });
  const program = await prisma.program.create({
    data: {
      merchantId: merchant.id,
      type: "stamps",
      cardName: "System",
      stampsTarget: 1_000,
      cooldownMinutes: options.cooldownMinutes ?? 0,
      maxDailyStamps: options.maxDailyStamps ?? 1_000,
      requireStaffPin: options.requireStaffPin ?? false,
    },
  });
  const store = await prisma.store.create({
    data: { merchantId: merchant.id, name: "System store", code: `SYS${newId().slice(-6).toUpperCase()}` },
  });
  const { key, keyHash, prefix } = generateApiKey();
  await prisma.apiKey.create({ data: { merchantId: merchant.id, name: "system", keyHash, prefix } });
  const customers = Array.from({ length: options.cards }, () => ({ id: newId(), name: "System" }));
  const cards = customers.map((customer) => ({
    ...generateCardIdentifiers(),
    id: newId(),
    merchantId: merchant.id,
    programId: program.id,
    customerId: customer.id,
  }));
  for (let i = 0; i < cards.length; i += 1_000) {
    await prisma.customer.createMany({ data: customers.slice(i, i + 1_000) });
    await prisma.card.createMany({ data: cards.slice(i, i + 1_000) });
  }
  if (options.staffPin) {
    await prisma.staffMember.create({
      data: {
        merchantId: merchant.id,
        name: "System staff",
        pinHash: await argon2.hash(options.staffPin, ARGON2_OPTIONS),
        pinLookup: pinLookupDigest(SYSTEM_SECRETS.LOYALTY_SECRET_KEY, merchant.id, options.staffPin),
        stores: { create: [{ storeId: store.id }] },
      },
    });
  }
  return {
    merchantId: merchant.id,
    programId: program.id,
    storeId: store.id,
    apiKey: key,
    cards: cards.map((card) => ({ id: card.id, cardNumber: card.cardNumber })),
    staffPin: options.staffPin,
  };
}

export type StampAnswer = {
  status: number;
  /** undefined when no HTTP answer came (connection refused or cut). */
  body?: { transactionId?: string; code?: string; [key: string]: unknown };
  headers?: Headers;
  ms: number;
};

/** POST /api/v1/vendor/loyalty/stamp; never throws (a network failure is an answer with status 0). */
export async function postStamp(
  baseUrl: string,
  seed: CounterSeed,
  input: { cardNumber: string; idempotencyKey?: string; staffPin?: string; signal?: AbortSignal },
): Promise<StampAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1/vendor/loyalty/stamp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${seed.apiKey}`,
        ...(input.idempotencyKey ? { "idempotency-key": input.idempotencyKey } : {}),
      },
      body: JSON.stringify({
        cardNumber: input.cardNumber,
        storeId: seed.storeId,
        ...(input.staffPin ? { staffPin: input.staffPin } : {}),
      }),
      signal: input.signal ?? AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let body: StampAnswer["body"];
    try {
      body = JSON.parse(text) as StampAnswer["body"];
    } catch {
      body = { code: `(not JSON: ${text.slice(0, 80)})` };
    }
    return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
