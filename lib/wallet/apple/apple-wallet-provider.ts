import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import { logger } from "@/lib/logger";
import type { WalletProvider } from "@/lib/wallet/wallet-service";
import { isUnregistered, type PushOutcome } from "./apns";

export type Pusher = { push(tokens: string[]): Promise<PushOutcome[]> };

/** How long an erased card's devices stay registered after the push, so they can fetch the voided pass. */
export const ERASED_DEVICES_GRACE_MS = 15 * 60_000;
const PROGRAM_PAGE = 500;

type Registration = { id: string; pushToken: string; cardId: string };

/**
 * Pushes to every given registration and records each answer on it;
 * registrations APNs calls unregistered are deleted. Any other failure is
 * thrown after all were tried, so the outbox retries the event with backoff.
 */
async function pushTo(pusher: Pusher, registrations: Registration[], clock: Clock): Promise<void> {
  if (registrations.length === 0) return;
  const outcomes = await pusher.push([...new Set(registrations.map((registration) => registration.pushToken))]);
  const byToken = new Map(outcomes.map((outcome) => [outcome.token, outcome]));
  const now = clock.now();
  const gone: string[] = [];
  const failures: string[] = [];
  const updates = new Map<string, string[]>();
  for (const registration of registrations) {
    const outcome = byToken.get(registration.pushToken) ?? {
      token: registration.pushToken,
      ok: false as const,
      status: null,
      reason: "no answer",
    };
    if (isUnregistered(outcome)) {
      gone.push(registration.id);
      continue;
    }
    const result = outcome.ok ? "ok" : outcome.reason.slice(0, 200);
    if (!outcome.ok) failures.push(result);
    updates.set(result, [...(updates.get(result) ?? []), registration.id]);
  }
  if (gone.length > 0) await db.appleDeviceRegistration.deleteMany({ where: { id: { in: gone } } });
  for (const [result, ids] of updates) {
    await db.appleDeviceRegistration.updateMany({ where: { id: { in: ids } }, data: { lastPushAt: now, lastPushResult: result } });
  }
  if (gone.length > 0) logger.info("apple_wallet.unregistered_tokens_removed", { count: gone.length });
  if (failures.length > 0)
    throw new Error(`APNs refused ${failures.length} of ${registrations.length} pushes: ${[...new Set(failures)].join(", ")}`);
}

/**
 * The Apple side of the wallet service: a changed card, program or erased
 * customer becomes an APNs push to every device registered for the pass;
 * the devices then fetch the new pass through the web service.
 */
export function appleWalletProvider(pusher: Pusher, clock: Clock = systemClock): WalletProvider {
  return {
    name: "apple",

    async updateCard(cardId) {
      const card = await db.card.findUnique({ where: { id: cardId }, select: { version: true } });
      if (!card) return;
      const registrations = await db.appleDeviceRegistration.findMany({
        where: { cardId },
        select: { id: true, pushToken: true, cardId: true },
      });
      await pushTo(pusher, registrations, clock);
      if (registrations.length > 0) {
        // Raw SQL: Prisma's @updatedAt would move updated_at and make the pass look changed again.
        await db.$executeRaw`UPDATE cards SET apple_pass_version = ${card.version} WHERE id = ${cardId}::uuid AND (apple_pass_version IS NULL OR apple_pass_version < ${card.version})`;
      }
    },

    async updateProgram(programId) {
      // Every pass of the program changed (its program's updated_at is newer): push them page by page.
      let cursor: string | undefined;
      for (;;) {
        const page: Registration[] = await db.appleDeviceRegistration.findMany({
          where: { card: { programId } },
          orderBy: { id: "asc" },
          take: PROGRAM_PAGE,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
          select: { id: true, pushToken: true, cardId: true },
        });
        if (page.length === 0) return;
        await pushTo(pusher, page, clock);
        cursor = page[page.length - 1]!.id;
        if (page.length < PROGRAM_PAGE) return;
      }
    },

    async forgetCard({ cardId }) {
      // The pass is voided (the customer is erased, so the pass shows "void" and nothing personal); push it so
      // devices fetch it, then drop the registrations once the devices had time to do so.
      const registrations = await db.appleDeviceRegistration.findMany({
        where: { cardId },
        select: { id: true, pushToken: true, cardId: true },
      });
      if (registrations.length === 0) return;
      try {
        await pushTo(pusher, registrations, clock);
      } finally {
        const card = await db.card.findUnique({ where: { id: cardId }, select: { merchantId: true } });
        const at = new Date(clock.now().getTime() + ERASED_DEVICES_GRACE_MS);
        await db.outboxEvent.create({
          data: {
            id: newId(),
            merchantId: card?.merchantId ?? null,
            type: EVENT_TYPES.appleDropErasedDevices,
            payload: { cardId },
            coalesceKey: `apple-drop:${cardId}`,
            nextAttemptAt: at,
          },
        });
      }
    },
  };
}

/** The registrations of an erased customer's card, dropped after the grace period (never those of a card still in use). */
export async function dropErasedCardDevices(cardId: string): Promise<number> {
  const { count } = await db.appleDeviceRegistration.deleteMany({ where: { cardId, card: { customer: { erasedAt: { not: null } } } } });
  return count;
}
