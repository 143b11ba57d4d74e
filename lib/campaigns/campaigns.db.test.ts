import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import type { MailMessage } from "@/lib/mail/create-mailer";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createMerchantSetup, ownerContext, uniq } from "@/test/factories";
import { listCampaigns } from "./list-campaigns";
import { previewCampaign } from "./preview-campaign";
import { sendCampaign } from "./send-campaign";

describe(`campaigns on ${databaseKind()}`, () => {
  const database = useTestDatabase();

  async function shopWithCustomers() {
    const prisma = database().prisma;
    const clock = fixedClock("2026-06-10T10:00:00Z");
    const shop = await createMerchantSetup(prisma, { clock, program: { stampsTarget: 5, backgroundColor: "#7a1f3d" } });
    const ctx = await ownerContext(prisma, shop.merchant.id, clock);
    const card = async (options: { consent: boolean; stamps?: number; lastActivityAt?: string; erased?: boolean; locale?: string }) => {
      const email = `${uniq("c")}@example.com`;
      const customer = await prisma.customer.create({
        data: { email, emailConsent: options.consent, locale: options.locale ?? "en", erasedAt: options.erased ? new Date() : null },
      });
      return prisma.card.create({
        data: {
          merchantId: shop.merchant.id,
          programId: shop.program.id,
          customerId: customer.id,
          cardNumber: String(Math.floor(Math.random() * 1e12)),
          qrPayload: uniq("qr"),
          pageToken: uniq("page"),
          appleSerial: uniq("serial"),
          appleAuthToken: uniq("token-abcdefghijklmnop"),
          stampCount: options.stamps ?? 0,
          lastActivityAt: new Date(options.lastActivityAt ?? "2026-06-09T10:00:00Z"),
          createdAt: new Date("2026-01-01T00:00:00Z"),
        },
      });
    };
    await card({ consent: true, locale: "fr" });
    await card({ consent: true, stamps: 5 });
    await card({ consent: true, lastActivityAt: "2026-04-01T10:00:00Z" });
    await card({ consent: false, stamps: 5, lastActivityAt: "2026-04-01T10:00:00Z" });
    await card({ consent: true, stamps: 5, erased: true });
    return { prisma, shop, ctx, clock };
  }

  it("counts each segment among consented customers only, and previews the email with the merchant's branding", async () => {
    const { ctx } = await shopWithCustomers();
    const draft = { subject: "Summer opening hours", message: "We open at 7 from Monday.\n\nSee you soon!" };
    const counts = await Promise.all(
      (["all_consented", "inactive_30_days", "reward_available"] as const).map(
        async (segment) => (await previewCampaign(ctx, { ...draft, segment }, "en")).recipients,
      ),
    );
    expect(counts).toEqual([3, 1, 1]);
    const preview = await previewCampaign(ctx, { ...draft, segment: "all_consented" }, "de");
    expect(preview.subject).toBe("Summer opening hours");
    expect(preview.html).toContain("background:#7a1f3d");
    expect(preview.html).toContain("We open at 7 from Monday.");
    expect(preview.text).toContain("See you soon!");
    expect(preview.text).toContain("Meine Karte öffnen");
  });

  it("queues one mail per recipient, spread out over time, in each customer's language, with the audit entry", async () => {
    const { prisma, shop, ctx } = await shopWithCustomers();
    const sent = await sendCampaign(ctx, { subject: "Nouveau", message: "Bonjour !", segment: "all_consented" }, 2);
    expect(sent).toMatchObject({ recipients: 3, minutes: 2 });
    const events = await prisma.outboxEvent.findMany({
      where: { merchantId: shop.merchant.id, type: "mail.send" },
      orderBy: { nextAttemptAt: "asc" },
    });
    expect(events.map((event) => event.nextAttemptAt.toISOString())).toEqual([
      "2026-06-10T10:00:00.000Z",
      "2026-06-10T10:00:30.000Z",
      "2026-06-10T10:01:00.000Z",
    ]);
    const messages = events.map((event) => event.payload as MailMessage);
    expect(messages.every((message) => message.subject === "Nouveau" && message.headers?.["List-Unsubscribe-Post"])).toBe(true);
    expect(messages.filter((message) => message.text.includes("Ouvrir ma carte"))).toHaveLength(1);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { merchantId: shop.merchant.id, action: "campaign.sent" } });
    expect(audit.details).toMatchObject({ recipients: 3, segment: "all_consented" });
    expect(await listCampaigns(ctx)).toMatchObject([{ subject: "Nouveau", recipients: 3, segment: "all_consented" }]);
  });

  it("without a pace, sends at LOYALTY_CAMPAIGN_MAILS_PER_MINUTE's", async () => {
    const { prisma, shop, ctx } = await shopWithCustomers();
    const mail = getConfig().mail;
    const configured = mail.campaignMailsPerMinute;
    mail.campaignMailsPerMinute = 120;
    try {
      expect(await sendCampaign(ctx, { subject: "Vite", message: "Bonjour !", segment: "all_consented" })).toMatchObject({
        recipients: 3,
        minutes: 1,
      });
    } finally {
      mail.campaignMailsPerMinute = configured;
    }
    const events = await prisma.outboxEvent.findMany({
      where: { merchantId: shop.merchant.id, type: "mail.send" },
      orderBy: { nextAttemptAt: "asc" },
    });
    expect(events.map((event) => event.nextAttemptAt.toISOString())).toEqual([
      "2026-06-10T10:00:00.000Z",
      "2026-06-10T10:00:00.500Z",
      "2026-06-10T10:00:01.000Z",
    ]);
  });

  it("sends a campaign once per key: the same send again, or twice at once, is answered with the first", async () => {
    const { prisma, shop, ctx } = await shopWithCustomers();
    const campaign = { subject: "Une fois", message: "Bonjour !", segment: "all_consented" as const, idempotencyKey: "send-1" };
    const [first, second] = await Promise.all([sendCampaign(ctx, campaign), sendCampaign(ctx, campaign)]);
    const again = await sendCampaign(ctx, campaign);
    expect(second).toEqual(first);
    expect(again).toEqual(first);
    expect(await prisma.campaign.count({ where: { merchantId: shop.merchant.id } })).toBe(1);
    expect(await prisma.outboxEvent.count({ where: { merchantId: shop.merchant.id, type: "mail.send" } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { merchantId: shop.merchant.id, action: "campaign.sent" } })).toBe(1);
    // The key with another campaign is a mistake, not a send.
    await expect(sendCampaign(ctx, { ...campaign, subject: "Autre chose" })).rejects.toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
    // A new key is a new send.
    const other = await sendCampaign(ctx, { ...campaign, idempotencyKey: "send-2" });
    expect(other.campaignId).not.toBe(first.campaignId);
    expect(await prisma.campaign.count({ where: { merchantId: shop.merchant.id } })).toBe(2);
  });

  it("refuses a campaign nobody would receive, and writes nothing", async () => {
    const { prisma, shop, ctx } = await shopWithCustomers();
    await prisma.customer.updateMany({ where: { cards: { some: { merchantId: shop.merchant.id } } }, data: { emailConsent: false } });
    await expect(sendCampaign(ctx, { subject: "Hi", message: "Hello", segment: "all_consented" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fieldErrors: { segment: ["validation.noRecipients"] } },
    });
    expect(await prisma.campaign.count({ where: { merchantId: shop.merchant.id } })).toBe(0);
  });
});
