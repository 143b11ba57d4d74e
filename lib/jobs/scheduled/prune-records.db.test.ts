import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createCard, createMerchantSetup, ownerContext } from "@/test/factories";
import { pruneRecords } from "./prune-records";

const DAY = 24 * 60 * 60 * 1000;

describe(`loyalty.prune_records on ${databaseKind()}`, () => {
  const database = useTestDatabase();

  it("deletes expired counters and keys, old delivered events and old finished runs, and nothing else", async () => {
    const prisma = database().prisma;
    const clock = fixedClock("2026-06-01T09:00:00Z");
    const now = clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const shop = await createMerchantSetup(prisma, { clock });
    const merchantId = shop.merchant.id;

    // Rate-limit counters: 12,000 expired (more than two batches), one live, one without an expiry.
    await prisma.$executeRaw`
      INSERT INTO rate_limits (key, points, expire)
      SELECT 'prune-test:expired:' || n, 1, ${now.getTime() - 1_000}::bigint FROM generate_series(1, 12000) AS n`;
    await prisma.$executeRaw`INSERT INTO rate_limits (key, points, expire) VALUES ('prune-test:live', 1, ${now.getTime() + 60_000}::bigint)`;
    await prisma.$executeRaw`INSERT INTO rate_limits (key, points, expire) VALUES ('prune-test:forever', 1, NULL)`;

    // Idempotency records: one past its expiry, one not.
    const idempotency = (key: string, expiresAt: Date) =>
      prisma.idempotencyRecord.create({
        data: { merchantId, key, requestHash: "h", responseStatus: 200, responseBody: {}, createdAt: ago(1), expiresAt },
      });
    await idempotency("expired-key", ago(0.01));
    await idempotency("live-key", new Date(now.getTime() + 60_000));

    // Outbox events in every state and age.
    const event = (
      label: string,
      status: "pending" | "delivered" | "dead" | "discarded",
      nextAttemptDaysAgo: number,
      deliveredDaysAgo?: number,
    ) =>
      prisma.outboxEvent.create({
        data: {
          id: newId(),
          merchantId,
          type: "wallet.card_changed",
          payload: { label },
          coalesceKey: `prune:${label}`,
          status,
          nextAttemptAt: ago(nextAttemptDaysAgo),
          deliveredAt: deliveredDaysAgo === undefined ? null : ago(deliveredDaysAgo),
          createdAt: ago(nextAttemptDaysAgo),
        },
      });
    await event("delivered-31-days-ago", "delivered", 31, 31);
    await event("delivered-29-days-ago", "delivered", 29, 29);
    await event("due-40-days-ago-delivered-10-days-ago", "delivered", 40, 10);
    await event("dead-100-days-ago", "dead", 100);
    await event("discarded-31-days-ago", "discarded", 40);
    await prisma.$executeRaw`UPDATE outbox_events SET updated_at = ${ago(31)}::timestamptz WHERE coalesce_key = 'prune:discarded-31-days-ago'`;
    await event("discarded-29-days-ago", "discarded", 40);
    await prisma.$executeRaw`UPDATE outbox_events SET updated_at = ${ago(29)}::timestamptz WHERE coalesce_key = 'prune:discarded-29-days-ago'`;
    await event("pending-100-days-ago", "pending", 100);

    // Job runs.
    const run = (label: string, status: "running" | "succeeded" | "failed", startedDaysAgo: number) =>
      prisma.scheduledJobRun.create({
        data: {
          job: "prune.test",
          periodKey: label,
          instanceId: "t",
          status,
          startedAt: ago(startedDaysAgo),
          leaseUntil: ago(startedDaysAgo),
        },
      });
    await run("succeeded-91", "succeeded", 91);
    await run("failed-91", "failed", 91);
    await run("running-91", "running", 91);
    await run("succeeded-89", "succeeded", 89);

    const ctx = { prisma, clock, now, merchantId: null, instanceId: "t" };
    expect(await pruneRecords(ctx)).toMatchObject({ rateLimits: 12_000, idempotencyRecords: 1, outboxEvents: 2, jobRuns: 2 });
    expect(await pruneRecords(ctx)).toMatchObject({ rateLimits: 0, idempotencyRecords: 0, outboxEvents: 0, jobRuns: 0 });

    const keys = await prisma.rateLimit.findMany({ where: { key: { startsWith: "prune-test:" } }, select: { key: true } });
    expect(keys.map((row) => row.key).sort()).toEqual(["prune-test:forever", "prune-test:live"]);
    expect((await prisma.idempotencyRecord.findMany({ where: { merchantId }, select: { key: true } })).map((row) => row.key)).toEqual([
      "live-key",
    ]);
    const events = await prisma.outboxEvent.findMany({ where: { coalesceKey: { startsWith: "prune:" } }, select: { coalesceKey: true } });
    expect(events.map((row) => row.coalesceKey).sort()).toEqual([
      "prune:dead-100-days-ago",
      "prune:delivered-29-days-ago",
      "prune:discarded-29-days-ago",
      "prune:due-40-days-ago-delivered-10-days-ago",
      "prune:pending-100-days-ago",
    ]);
    const runs = await prisma.scheduledJobRun.findMany({ where: { job: "prune.test" }, select: { periodKey: true } });
    expect(runs.map((row) => row.periodKey).sort()).toEqual(["running-91", "succeeded-89"]);
  });

  it("deletes ended and long-unused sessions, expired links and codes, and PIN lockout rows that count nothing", async () => {
    const prisma = database().prisma;
    const clock = fixedClock("2026-06-01T09:00:00Z");
    const now = clock.now();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const shop = await createMerchantSetup(prisma, { clock, staff: [{ name: "Ana", pin: "4829" }] });
    const merchantId = shop.merchant.id;
    const owner = await ownerContext(prisma, merchantId, clock);
    const userId = owner.actor.type === "user" ? owner.actor.userId : "";

    const session = (userAgent: string, lastSeenDaysAgo: number, revokedDaysAgo?: number) =>
      prisma.userSession.create({
        data: {
          userId,
          userAgent,
          createdAt: ago(lastSeenDaysAgo),
          lastSeenAt: ago(lastSeenDaysAgo),
          revokedAt: revokedDaysAgo === undefined ? null : ago(revokedDaysAgo),
        },
      });
    await session("unseen-31", 31);
    await session("unseen-29", 29);
    await session("revoked-31", 31.5, 31);
    await session("revoked-29", 29.5, 29);

    const device = await prisma.counterDevice.create({
      data: { merchantId, storeId: shop.store.id, name: "Till", credentialHash: `device-${newId()}` },
    });
    const staffSession = (label: string, createdDaysAgo: number, revokedDaysAgo?: number) =>
      prisma.counterStaffSession.create({
        data: {
          merchantId,
          deviceId: device.id,
          staffMemberId: shop.staff[0]!.id,
          tokenHash: label,
          createdAt: ago(createdDaysAgo),
          lastUsedAt: ago(createdDaysAgo),
          revokedAt: revokedDaysAgo === undefined ? null : ago(revokedDaysAgo),
        },
      });
    await staffSession("staff-started-31", 31);
    await staffSession("staff-started-29", 29);
    await staffSession("staff-started-29-ended-29", 29, 29);

    const token = (label: string, purpose: "password_reset" | "manager_invite", expiredDaysAgo: number, used = false) =>
      prisma.authToken.create({
        data: {
          purpose,
          tokenHash: label,
          email: `${label}@example.com`,
          merchantId,
          expiresAt: ago(expiredDaysAgo),
          usedAt: used ? ago(expiredDaysAgo + 1) : null,
        },
      });
    await token("reset-expired-31", "password_reset", 31, true);
    await token("reset-expired-29", "password_reset", 29);
    await token("invite-expired-31", "manager_invite", 31);
    await token("invite-open", "manager_invite", -3);
    const pairing = (label: string, expiredDaysAgo: number) =>
      prisma.devicePairingLink.create({ data: { merchantId, storeId: shop.store.id, tokenHash: label, expiresAt: ago(expiredDaysAgo) } });
    await pairing("pairing-expired-31", 31);
    await pairing("pairing-expired-29", 29);

    const card = await createCard(prisma, shop.merchant, shop.program);
    const code = (label: string, expiredDaysAgo: number) =>
      prisma.cardRecoveryCode.create({ data: { merchantId, cardId: card.id, codeHash: label, expiresAt: ago(expiredDaysAgo) } });
    await code("code-expired-2-days-ago", 2);
    await code("code-expired-1-hour-ago", 1 / 24);
    await code("code-open", -0.005);

    const lockout = (clientKey: string, failedAttempts: number, lockedUntil: Date | null, updatedDaysAgo: number) =>
      prisma.$executeRaw`
        INSERT INTO pin_lockouts (id, merchant_id, store_id, client_key, failed_attempts, locked_until, updated_at)
        VALUES (${newId()}::uuid, ${merchantId}::uuid, ${shop.store.id}::uuid, ${clientKey}, ${failedAttempts}, ${lockedUntil}::timestamptz,
                ${ago(updatedDaysAgo)}::timestamptz)`;
    await lockout("cleared-2-days-ago", 0, null, 2);
    await lockout("lockout-over-2-days-ago", 5, ago(2), 2.1);
    await lockout("cleared-1-hour-ago", 0, null, 1 / 24);
    await lockout("counting-2-days-ago", 3, null, 2);
    await lockout("locked-until-tomorrow", 5, ago(-1), 2);

    const ctx = { prisma, clock, now, merchantId: null, instanceId: "t" };
    expect(await pruneRecords(ctx)).toMatchObject({ sessions: 3, expiredLinks: 3, recoveryCodes: 1, pinLockouts: 2 });
    expect(await pruneRecords(ctx)).toMatchObject({ sessions: 0, expiredLinks: 0, recoveryCodes: 0, pinLockouts: 0 });

    const left = async <T>(rows: Promise<T[]>, pick: (row: T) => string | null) => (await rows).map(pick).sort();
    expect(await left(prisma.userSession.findMany({ where: { userId } }), (row) => row.userAgent)).toEqual(["revoked-29", "unseen-29"]);
    expect(await left(prisma.counterStaffSession.findMany({ where: { deviceId: device.id } }), (row) => row.tokenHash)).toEqual([
      "staff-started-29",
      "staff-started-29-ended-29",
    ]);
    expect(await left(prisma.authToken.findMany({ where: { merchantId } }), (row) => row.tokenHash)).toEqual([
      "invite-open",
      "reset-expired-29",
    ]);
    expect(await left(prisma.devicePairingLink.findMany({ where: { merchantId } }), (row) => row.tokenHash)).toEqual([
      "pairing-expired-29",
    ]);
    expect(await left(prisma.cardRecoveryCode.findMany({ where: { cardId: card.id } }), (row) => row.codeHash)).toEqual([
      "code-expired-1-hour-ago",
      "code-open",
    ]);
    expect(await left(prisma.pinLockout.findMany({ where: { storeId: shop.store.id } }), (row) => row.clientKey)).toEqual([
      "cleared-1-hour-ago",
      "counting-2-days-ago",
      "locked-until-tomorrow",
    ]);
  });
});
