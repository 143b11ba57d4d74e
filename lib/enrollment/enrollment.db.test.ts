import { describe, expect, it } from "vitest";
import { CONSENT_TEXT_VERSION } from "@/lib/customers/consent";
import type { MailMessage } from "@/lib/mail/create-mailer";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { fixedClock } from "@/test/clock";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup, uniq } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { enrollFromStore } from "./enroll-from-store";
import { getJoinProgram } from "./get-join-program";
import { publicEnrollRequestSchema } from "./schemas";

describe("public enrollment", () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-02T09:30:00+01:00");
  const request = () => ({ clientKey: uniq("client"), userAgent: "vitest", locale: "fr" });
  const body = (storeCode: string, extra: Record<string, unknown> = {}) => publicEnrollRequestSchema.parse({ storeCode, ...extra });
  const mailsTo = async (to: string) =>
    (await database().prisma.outboxEvent.findMany({ where: { type: "mail.send" } }))
      .map((row) => row.payload as MailMessage)
      .filter((mail) => mail.to === to);

  it("shows a store's program by its code, any case; an archived store or unknown code is NOT_FOUND", async () => {
    const { store, merchant, prisma } = { ...(await createMerchantSetup(database().prisma)), prisma: database().prisma };
    const program = await getJoinProgram(store.code.toLowerCase());
    expect(program).toMatchObject({
      merchantId: merchant.id,
      merchant: { name: merchant.name },
      store: { code: store.code },
      program: { loyaltyType: "stamps", stampsTarget: 10, stampsRewardDescription: "A free coffee", logoUrl: null },
      acceptingEnrollments: true,
      emailConsentVersion: CONSENT_TEXT_VERSION,
    });
    expect((await refusal(getJoinProgram("NOSUCHSTORE"))).code).toBe("NOT_FOUND");
    await prisma.store.update({ where: { id: store.id }, data: { archivedAt: new Date() } });
    expect((await refusal(getJoinProgram(store.code))).code).toBe("NOT_FOUND");
  });

  it("stores consent with its timestamp and text version, only when ticked and with an email", async () => {
    const { store } = await createMerchantSetup(database().prisma);
    const email = `${uniq("lea")}@example.com`;
    const ticked = await enrollFromStore(body(store.code, { customer: { name: "Léa", email }, emailConsent: true }), request(), clock);
    expect(ticked.status).toBe("created");
    const noEmail = await enrollFromStore(body(store.code, { emailConsent: true }), request(), clock);
    const unticked = await enrollFromStore(body(store.code, { customer: { email: `${uniq("max")}@example.com` } }), request(), clock);
    const customer = async (result: typeof ticked) =>
      database().prisma.customer.findFirstOrThrow({
        where: { cards: { some: { id: result.status === "created" ? result.card.id : "" } } },
      });
    expect(await customer(ticked)).toMatchObject({
      name: "Léa",
      email,
      locale: "fr",
      emailConsent: true,
      emailConsentAt: clock.now(),
      emailConsentVersion: CONSENT_TEXT_VERSION,
    });
    expect(await customer(noEmail)).toMatchObject({ emailConsent: false, emailConsentAt: null, emailConsentVersion: null });
    expect(await customer(unticked)).toMatchObject({ emailConsent: false, emailConsentAt: null, emailConsentVersion: null });
  });

  it("never shows the card of an email that has one here: its link is emailed, with a signed unsubscribe link and headers", async () => {
    const { store, merchant } = await createMerchantSetup(database().prisma);
    const email = `${uniq("lea")}@example.com`;
    const first = await enrollFromStore(body(store.code, { customer: { email } }), request(), clock);
    if (first.status !== "created") throw new Error("expected a new card");
    const second = await enrollFromStore(body(store.code, { customer: { email: email.toUpperCase(), name: "Someone" } }), request(), clock);
    expect(second).toEqual({ status: "emailed" });
    expect(await database().prisma.card.count({ where: { merchantId: merchant.id } })).toBe(1);

    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe(`Votre carte ${merchant.name}`);
    expect(mail!.text).toContain(`/card/${first.pageToken}`);
    expect(mail!.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const token = /\/api\/v1\/loyalty\/unsubscribe\/([\w-]+)>$/.exec(mail!.headers!["List-Unsubscribe"]!)![1]!;
    expect(verifyUnsubscribeToken(token)).toBe(first.card.customer.id);
    expect(mail!.text).toContain(`/unsubscribe/${token}`);
  });

  it("refuses an invalid email or phone by field, and a suspended merchant", async () => {
    const parsed = publicEnrollRequestSchema.safeParse({ storeCode: "ABC1", customer: { email: "nope", phone: "call me" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["customer.email", "validation.email"],
      ["customer.phone", "validation.phone"],
    ]);
    const { store, merchant } = await createMerchantSetup(database().prisma);
    await database().prisma.merchant.update({ where: { id: merchant.id }, data: { status: "suspended" } });
    expect((await refusal(enrollFromStore(body(store.code), request(), clock))).code).toBe("MERCHANT_SUSPENDED");
  });

  it("is rate limited per client address, and per store", async () => {
    const { store, stores } = await createMerchantSetup(database().prisma, { stores: 2 });
    const client = request();
    for (let i = 0; i < 10; i++) await enrollFromStore(body(store.code), client, clock);
    const limited = await refusal(enrollFromStore(body(stores[1]!.code), client, clock));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.details.retryAfter).toBeGreaterThan(0);
    // Another phone is not held back by this one.
    expect((await enrollFromStore(body(store.code), request(), clock)).status).toBe("created");

    // The refused attempt above was stopped by the client limit before counting against the store.
    for (let i = 0; i < 300; i++) await enrollFromStore(body(stores[1]!.code), request(), clock);
    expect((await refusal(enrollFromStore(body(stores[1]!.code), request(), clock))).code).toBe("RATE_LIMITED");
  }, 120_000);
});
