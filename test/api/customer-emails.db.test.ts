import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClickUnsubscribe } from "@/app/api/v1/loyalty/unsubscribe/[token]/route";
import { addStamp } from "@/lib/cards/add-stamp";
import { adjustBalance } from "@/lib/cards/adjust-balance";
import { enrollCustomer } from "@/lib/cards/enroll-customer";
import { getConfig } from "@/lib/config";
import { OUTBOX_HANDLERS } from "@/lib/jobs/handlers";
import { OutboxWorker } from "@/lib/jobs/outbox-worker";
import { grantBirthdayRewards } from "@/lib/jobs/scheduled/grant-birthday-rewards";
import { redeemStamps } from "@/lib/cards/redeem-stamps";
import { databaseKind, useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { createMerchantSetup, ownerContext, uniq } from "@/test/factories";
import { headerOf, startSmtpCapture, type CapturedMail } from "@/test/smtp-capture";

/**
 * Customer emails end to end: the change that causes one queues it in the outbox in its own transaction, the
 * worker sends it to a real SMTP server on loopback, and the test reads what arrived over the wire.
 */
describe(`customer emails over SMTP on ${databaseKind()}`, () => {
  const database = useTestDatabase();
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  const worker = new OutboxWorker({ handlers: OUTBOX_HANDLERS, workerId: "emails-test" });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    getConfig().mail.smtpUrl = smtp.url;
    (globalThis as { __loyaltyMailer?: unknown }).__loyaltyMailer = undefined;
  });
  afterAll(async () => {
    (globalThis as { __loyaltyMailer?: { close(): void } }).__loyaltyMailer?.close();
    (globalThis as { __loyaltyMailer?: unknown }).__loyaltyMailer = undefined;
    await smtp.close();
  });

  /** Runs the worker until nothing is due, then waits for every delivered mail to have reached the SMTP server. */
  async function deliverAll() {
    await worker.drain();
    const sent = await database().prisma.outboxEvent.count({ where: { type: "mail.send", status: "delivered" } });
    await smtp.waitFor(sent);
    expect(smtp.messages).toHaveLength(sent);
  }

  const to = (address: string) => smtp.messages.filter((mail) => mail.envelopeTo.includes(address));
  const withSubject = (mails: CapturedMail[], part: string) => mails.filter((mail) => mail.parsed.subject?.includes(part));

  async function setup() {
    const clock = fixedClock("2026-05-04T08:00:00Z");
    const shop = await createMerchantSetup(database().prisma, {
      clock,
      program: {
        stampsTarget: 3,
        cooldownMinutes: 0,
        maxDailyStamps: 10,
        backgroundColor: "#1f6f5c",
        stampsRewardDescription: "Un croissant offert",
      },
    });
    const enroll = async (options: { consent: boolean; locale?: "en" | "fr" | "de" | "lb"; birthday?: string }) => {
      const email = `${uniq("client")}@example.com`;
      const { card } = await enrollCustomer(shop.ctx, {
        storeId: shop.store.id,
        customer: { name: "Léa", email, locale: options.locale ?? "fr", birthday: options.birthday },
        emailConsent: options.consent,
      });
      return { card, email };
    };
    const stamp = (cardNumber: string) => addStamp(shop.ctx, { card: { cardNumber }, storeId: shop.store.id });
    return { clock, shop, enroll, stamp };
  }

  it("sends a consented customer who reaches the target exactly one 'reward available' mail, in their language and the merchant's colors, with a working unsubscribe link", async () => {
    const { shop, enroll, stamp } = await setup();
    const lea = await enroll({ consent: true, locale: "fr" });
    await deliverAll();
    const [welcome] = withSubject(to(lea.email), "Bienvenue");
    expect(welcome!.parsed.text).toContain(`/card/`);

    // The worker runs between visits (a stamp's cooldown is minutes, a worker pass under a second).
    for (let i = 0; i < 3; i++) {
      await stamp(lea.card.cardNumber);
      await deliverAll();
    }
    // Worker passes run again: the milestone is decided once and its mail sent once.
    await deliverAll();
    const mails = to(lea.email);
    const reward = withSubject(mails, "Votre récompense vous attend");
    expect(reward).toHaveLength(1);
    expect(withSubject(mails, "Plus qu’un tampon")).toHaveLength(1);
    expect(mails).toHaveLength(3);

    const mail = reward[0]!.parsed;
    expect(mail.subject).toBe(`Votre récompense vous attend chez ${shop.merchant.name}`);
    expect(mail.text).toContain("Votre carte est complète : Un croissant offert vous attend.");
    expect(mail.text).toContain("Ouvrir ma carte: http");
    expect(mail.html).toContain("Vous avez gagné votre récompense !");
    expect(mail.html).toContain("background:#1f6f5c");
    expect(mail.html).toContain(`Envoyé pour ${shop.merchant.name}`);
    expect(headerOf(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const listUnsubscribe = headerOf(mail, "List-Unsubscribe")!;
    const token = /\/api\/v1\/loyalty\/unsubscribe\/([\w-]+)>$/.exec(listUnsubscribe)![1]!;
    expect(mail.text).toContain(`/unsubscribe/${token}`);

    // The link works: a mail client's one-click POST withdraws consent...
    const response = await oneClickUnsubscribe(
      new Request(`http://localhost/api/v1/loyalty/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    const customer = await database().prisma.customer.findFirstOrThrow({ where: { email: lea.email } });
    expect(customer.emailConsent).toBe(false);

    // ...and after it, nothing more: the next reward cycle reaches its target without a mail.
    await redeemStamps(shop.ctx, { card: { cardNumber: lea.card.cardNumber }, storeId: shop.store.id });
    for (let i = 0; i < 3; i++) await stamp(lea.card.cardNumber);
    await deliverAll();
    expect(to(lea.email)).toHaveLength(3);
  });

  it("sends nothing to a customer without consent", async () => {
    const { enroll, stamp } = await setup();
    const quiet = await enroll({ consent: false });
    for (let i = 0; i < 3; i++) await stamp(quiet.card.cardNumber);
    await deliverAll();
    expect(to(quiet.email)).toEqual([]);
    expect(
      await database().prisma.outboxEvent.count({ where: { type: "mail.send", payload: { path: ["to"], equals: quiet.email } } }),
    ).toBe(0);
  });

  it("sends 'one stamp away' at most once per reward cycle, even when an adjustment takes a stamp back, and again in the next cycle", async () => {
    const { shop, enroll, stamp } = await setup();
    const max = await enroll({ consent: true, locale: "de" });
    await stamp(max.card.cardNumber);
    await stamp(max.card.cardNumber);
    await deliverAll();
    const owner = await ownerContext(database().prisma, shop.merchant.id, shop.ctx.clock);
    await adjustBalance(owner, { card: { cardNumber: max.card.cardNumber }, stampsDelta: -1, pointsDelta: 0, reason: "Fehler" });
    await stamp(max.card.cardNumber);
    await deliverAll();
    // Two stamps short again, then one short again within the same cycle: no second nudge.
    expect(withSubject(to(max.email), "Nur noch ein Stempel")).toHaveLength(1);
    await stamp(max.card.cardNumber);
    await deliverAll();
    await redeemStamps(shop.ctx, { card: { cardNumber: max.card.cardNumber }, storeId: shop.store.id });
    await stamp(max.card.cardNumber);
    await stamp(max.card.cardNumber);
    await deliverAll();
    const mails = to(max.email);
    expect(withSubject(mails, "Nur noch ein Stempel")).toHaveLength(2);
    expect(withSubject(mails, "Ihre Prämie wartet")).toHaveLength(1);
    expect(withSubject(mails, "Willkommen")[0]!.parsed.text).toContain("Meine Karte öffnen: http");
  });

  it("credits the birthday reward once a year and emails it in Luxembourgish", async () => {
    const { shop, enroll } = await setup();
    await database().prisma.program.update({
      where: { id: shop.program.id },
      data: { birthdayRewardEnabled: true, birthdayRewardStamps: 2 },
    });
    const jang = await enroll({ consent: true, locale: "lb", birthday: "1990-05-04" });
    const other = await enroll({ consent: true, locale: "lb", birthday: "1990-05-05" });
    const ctx = {
      prisma: database().prisma,
      clock: fixedClock("2026-05-04T07:00:00Z"),
      now: new Date("2026-05-04T07:00:00Z"),
      merchantId: shop.merchant.id,
      instanceId: "t",
    };
    expect(await grantBirthdayRewards(ctx)).toEqual({ cards: 1 });
    expect(await grantBirthdayRewards(ctx)).toEqual({ cards: 0 });
    await deliverAll();
    const card = await database().prisma.card.findUniqueOrThrow({ where: { id: jang.card.id } });
    expect(card.stampCount).toBe(2);
    const mails = withSubject(to(jang.email), "Gebuertsdag");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.text).toContain("hu mir 2 Stempelen op Är Kaart gesat");
    expect(withSubject(to(other.email), "Gebuertsdag")).toEqual([]);
  });
});
