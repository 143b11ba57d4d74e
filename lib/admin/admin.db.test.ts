import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { authenticateVendor } from "@/lib/auth/vendor-auth";
import { fixedClock } from "@/test/clock";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup } from "@/test/factories";
import type { AdminContext } from "./admin-context";
import { discardOutboxEvent } from "./discard-outbox-event";
import { listMerchants } from "./list-merchants";
import { listOutboxProblems } from "./list-outbox-problems";
import { listPlatformAuditFilters, listPlatformAuditLog } from "./list-platform-audit-log";
import { reactivateMerchant } from "./reactivate-merchant";
import { retryOutboxEvent } from "./retry-outbox-event";
import { suspendMerchant } from "./suspend-merchant";

describe("admin services", () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-02T10:00:00+01:00");
  let ctx: AdminContext;

  beforeAll(async () => {
    const { prisma } = database();
    const admin = await prisma.user.create({ data: { email: "ops@example.com", role: "admin", passwordHash: "x" } });
    ctx = { actor: { type: "admin", userId: admin.id }, clock, request: { ip: "203.0.113.9" } };
  });

  it("suspends with a reason (API keys then get MERCHANT_SUSPENDED), reactivates, and records both on the merchant's log", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const request = new Request("https://loyalty.test/x", { headers: { authorization: `Bearer ${setup.apiKey.key}` } });

    expect(await suspendMerchant(ctx, { merchantId: setup.merchant.id, reason: "Unpaid invoice" })).toEqual({ changed: true });
    expect(await suspendMerchant(ctx, { merchantId: setup.merchant.id, reason: "Again" })).toEqual({ changed: false });
    expect(await prisma.merchant.findUniqueOrThrow({ where: { id: setup.merchant.id } })).toMatchObject({
      status: "suspended",
      suspendedReason: "Unpaid invoice",
      suspendedAt: clock.now(),
    });
    expect((await authenticateApiKey(setup.apiKey.key, clock))?.merchantStatus).toBe("suspended");
    await expect(authenticateVendor(request, clock)).rejects.toMatchObject({ code: "MERCHANT_SUSPENDED" });
    expect((await listMerchants(ctx, { status: "suspended", limit: 50 })).programs.map((row) => row.merchant.id)).toEqual([
      setup.merchant.id,
    ]);

    expect(await reactivateMerchant(ctx, { merchantId: setup.merchant.id, reason: "Paid" })).toEqual({ changed: true });
    await expect(authenticateVendor(request, clock)).resolves.toMatchObject({ merchantId: setup.merchant.id });
    expect(await prisma.merchant.findUniqueOrThrow({ where: { id: setup.merchant.id } })).toMatchObject({
      status: "active",
      suspendedReason: null,
    });

    const log = await prisma.auditLog.findMany({ where: { merchantId: setup.merchant.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => [entry.action, entry.actorType, entry.actorId, entry.ip])).toEqual([
      ["merchant.suspended", "admin", ctx.actor.userId, "203.0.113.9"],
      ["merchant.reactivated", "admin", ctx.actor.userId, "203.0.113.9"],
    ]);
    expect(log[1]!.details).toEqual({ reason: "Paid", suspendedReason: "Unpaid invoice" });
    await expect(suspendMerchant(ctx, { merchantId: crypto.randomUUID(), reason: "Nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists failing and dead deliveries, retries one with fresh attempts, discards another, and refuses the rest", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const make = (data: { status: "pending" | "dead" | "delivered"; lastError?: string; type?: string; lockedUntil?: Date }) =>
      prisma.outboxEvent.create({
        data: {
          merchantId: setup.merchant.id,
          type: data.type ?? "wallet.card_changed",
          payload: {},
          attempts: 4,
          createdAt: clock.now(),
          ...data,
        },
      });
    const dead = await make({ status: "dead", lastError: "550 mailbox unavailable", type: "mail.send" });
    const failing = await make({ status: "pending", lastError: "503" });
    const held = await make({ status: "pending", lastError: "timeout", lockedUntil: new Date(clock.now().getTime() + 60_000) });
    const fine = await make({ status: "pending" });
    const delivered = await make({ status: "delivered" });

    const listed = await listOutboxProblems(ctx, {});
    expect(listed.events.map((event) => event.id).sort()).toEqual([dead.id, failing.id, held.id].sort());
    expect(listed.counts).toEqual({ failing: 2, dead: 1 });
    expect((await listOutboxProblems(ctx, { kind: "mail" })).events.map((event) => event.id)).toEqual([dead.id]);
    expect((await listOutboxProblems(ctx, { status: "dead" })).events[0]).toMatchObject({
      id: dead.id,
      state: "dead",
      lastError: "550 mailbox unavailable",
    });

    await retryOutboxEvent(ctx, { eventId: dead.id });
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({
      status: "pending",
      attempts: 0,
      lastError: null,
      nextAttemptAt: clock.now(),
    });
    await discardOutboxEvent(ctx, { eventId: failing.id });
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: failing.id } })).status).toBe("discarded");
    for (const id of [held.id, fine.id, delivered.id, failing.id]) {
      await expect(retryOutboxEvent(ctx, { eventId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(discardOutboxEvent(ctx, { eventId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const entries = await prisma.auditLog.findMany({ where: { action: { startsWith: "outbox." } }, orderBy: { action: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.targetId, entry.merchantId])).toEqual([
      ["outbox.discarded", failing.id, setup.merchant.id],
      ["outbox.retried", dead.id, setup.merchant.id],
    ]);
  });

  it("shows the platform audit log filtered by action or area, merchant and who acted", async () => {
    const { prisma } = database();
    const setup = await createMerchantSetup(prisma);
    const owner = await prisma.user.create({
      data: { email: "owner-log@example.com", name: "Olivia", role: "owner", merchantId: setup.merchant.id, passwordHash: "x" },
    });
    await prisma.auditLog.create({
      data: {
        merchantId: setup.merchant.id,
        actorType: "user",
        actorId: owner.id,
        userId: owner.id,
        action: "merchant.settings_updated",
        createdAt: clock.now(),
      },
    });
    await suspendMerchant(ctx, { merchantId: setup.merchant.id, reason: "Abuse reported" });

    const mine = await listPlatformAuditLog(ctx, { merchant: setup.merchant.id });
    expect(mine.entries.map((entry) => [entry.action, entry.actorType, entry.actorName])).toEqual([
      ["merchant.suspended", "admin", "ops@example.com"],
      ["merchant.settings_updated", "user", "Olivia (owner-log@example.com)"],
    ]);
    expect(
      (await listPlatformAuditLog(ctx, { merchant: setup.merchant.id, actor: "merchant" })).entries.map((entry) => entry.action),
    ).toEqual(["merchant.settings_updated"]);
    const suspensions = await listPlatformAuditLog(ctx, { action: "merchant.suspended" });
    expect(suspensions.entries.every((entry) => entry.action === "merchant.suspended")).toBe(true);
    expect(suspensions.entries.length).toBeGreaterThanOrEqual(2);
    expect((await listPlatformAuditLog(ctx, { action: "outbox" })).entries.every((entry) => entry.action.startsWith("outbox."))).toBe(true);
    const filters = await listPlatformAuditFilters(ctx);
    expect(filters.actions).toEqual(expect.arrayContaining(["merchant.suspended", "merchant.settings_updated"]));
    expect(filters.merchants.map((merchant) => merchant.id)).toContain(setup.merchant.id);
  });
});
