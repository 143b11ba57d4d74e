/**
 * Seeds one merchant for a journey and prints what the journey needs as JSON.
 * Run by e2e/support/seed-merchant.ts (through tsx with the react-server
 * condition, like every script), against the journeys' database.
 * Input: one JSON argument, SeedMerchantOptions.
 */
import { randomUUID } from "node:crypto";
import { signUp } from "@/lib/accounts/sign-up";
import { createPlatformAdmin } from "@/lib/admin/create-platform-admin";
import { hashSecret } from "@/lib/auth/password-hash";
import { createApiKey } from "@/lib/auth/api-keys";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { createProgram } from "@/lib/programs/create-program";
import type { ServiceContext } from "@/lib/service-context";
import { createStaffMember } from "@/lib/staff/manage-staff";
import { createStore } from "@/lib/stores/create-store";
import { runCli } from "../../scripts/cli";
import type { SeedMerchantOptions, SeededMerchant } from "./seed-merchant";

runCli(async () => {
  const options = JSON.parse(process.argv[2] ?? "{}") as SeedMerchantOptions;
  const suffix = randomUUID().slice(0, 8);
  const password = "correct horse battery staple";
  const ownerEmail = `owner-${suffix}@e2e.test`;
  const { merchantId, userId } = await signUp(
    { businessName: options.name ?? `Café ${suffix}`, name: "Olivia Owner", email: ownerEmail, password, locale: "en" },
    `seed-${suffix}`,
  );
  const ctx: ServiceContext = { merchantId, actor: { type: "user", userId, role: "owner" }, clock: systemClock };
  const result: SeededMerchant = { merchantId, owner: { email: ownerEmail, password } };

  if (options.manager) {
    const email = `manager-${suffix}@e2e.test`;
    await db.user.create({ data: { merchantId, email, name: "Max Manager", role: "manager", passwordHash: await hashSecret(password) } });
    result.manager = { email, password };
  }
  if (options.program) {
    await createProgram(ctx, {
      loyaltyType: options.program,
      cardName: "Coffee card",
      stampsTarget: 10,
      stampsRewardDescription: "A free coffee",
    });
  }
  if (options.store) {
    const store = await createStore(ctx, { name: "Main street" });
    result.store = { id: store.id, code: store.code, name: store.name };
    if (options.staffPin) {
      const staff = await createStaffMember(ctx, { name: "Sam Staff", pin: options.staffPin, storeIds: [store.id] });
      result.staff = { id: staff.id, name: staff.name, pin: options.staffPin };
    }
  }
  if (options.apiKey) result.apiKey = (await createApiKey(ctx, "Journey key")).key;
  if (options.admin) {
    const email = `admin-${suffix}@e2e.test`;
    await createPlatformAdmin({ email, password, name: "Ada Admin" });
    result.admin = { email, password };
  }
  if (options.troubledDeliveries) {
    const later = new Date(Date.now() + 60 * 60_000);
    await db.outboxEvent.createMany({
      data: [
        {
          merchantId,
          type: "mail.send",
          payload: { to: `nobody-${suffix}@e2e.test`, subject: "Journey", text: "Journey", html: "<p>Journey</p>" },
          status: "dead",
          attempts: 10,
          lastError: "550 5.1.1 mailbox unavailable",
        },
        // Its next attempt is an hour away: the app's worker leaves it alone during the journey.
        {
          merchantId,
          type: "wallet.card_changed",
          payload: { cardId: randomUUID(), version: 2 },
          status: "pending",
          attempts: 3,
          nextAttemptAt: later,
          lastError: "Google Wallet answered 503 Service Unavailable",
        },
      ],
    });
  }
  if (options.failedJobRun) {
    // A past local day, so the app's scheduler never claims the same period; the merchant has no program, so no expiry runs of its own.
    const startedAt = new Date(Date.now() - 60 * 60_000);
    await db.scheduledJobRun.create({
      data: {
        job: "loyalty.expire_points",
        periodKey: `2000-01-01@${merchantId}`,
        merchantId,
        instanceId: "e2e-seed",
        status: "failed",
        startedAt,
        leaseUntil: new Date(startedAt.getTime() + 15 * 60_000),
        finishedAt: new Date(startedAt.getTime() + 1_250),
        durationMs: 1_250,
        error: options.failedJobRun,
      },
    });
  }
  process.stdout.write(JSON.stringify(result));
});
