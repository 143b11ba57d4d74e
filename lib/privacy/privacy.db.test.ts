import { describe, expect, it } from "vitest";
import { addStamp } from "@/lib/cards/add-stamp";
import { enrollFromStore } from "@/lib/enrollment/enroll-from-store";
import { publicEnrollRequestSchema } from "@/lib/enrollment/schemas";
import type { MailMessage } from "@/lib/mail/create-mailer";
import { signUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { getWebCard } from "@/lib/web-card/get-web-card";
import { requestRecoveryCode } from "@/lib/web-card/request-recovery-code";
import { verifyRecoveryCode } from "@/lib/web-card/verify-recovery-code";
import { fixedClock } from "@/test/clock";
import { useTestDatabase } from "@/test/db";
import { createMerchantSetup, uniq } from "@/test/factories";
import { refusal } from "@/test/refusal";
import { dropErasedCardDevices } from "@/lib/wallet/apple/apple-wallet-provider";
import { eraseCustomer } from "./erase-customer";
import { exportCustomerData } from "./export-customer-data";
import { setEmailConsent } from "./set-email-consent";
import { unsubscribeCustomer } from "./unsubscribe-customer";

describe("the web card's privacy self-service and recovery", () => {
  const database = useTestDatabase();
  const clock = fixedClock("2026-03-02T09:30:00+01:00");
  const request = () => ({ clientKey: uniq("client"), userAgent: "vitest", locale: "en" });

  async function enrolled() {
    const setup = await createMerchantSetup(database().prisma, { clock });
    const email = `${uniq("lea")}@example.com`;
    const result = await enrollFromStore(
      publicEnrollRequestSchema.parse({
        storeCode: setup.store.code,
        customer: { name: "Léa", email, phone: "+352 621 555 123", birthday: "1990-04-01" },
        emailConsent: true,
      }),
      request(),
      clock,
    );
    if (result.status !== "created") throw new Error("expected a new card");
    await addStamp(setup.ctx, { card: { cardNumber: result.card.cardNumber }, storeId: setup.store.id });
    return { ...setup, email, card: result.card, token: result.pageToken };
  }

  it("shows the card by its page token only; a wrong token shows nothing", async () => {
    const { token, card } = await enrolled();
    const web = await getWebCard(token);
    expect(web).toMatchObject({
      card: { cardNumber: card.cardNumber, qrPayload: card.qrCode, stampCount: 1 },
      customer: { name: "Léa", emailConsent: true },
      nextReward: { kind: "stamps", remaining: 9 },
      wallets: { apple: false, google: false },
    });
    expect(web!.history).toHaveLength(1);
    expect(await getWebCard(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await getWebCard("short")).toBeNull();
  });

  it("exports everything stored about the person at this merchant", async () => {
    const { token, email, card, merchant } = await enrolled();
    const exported = await exportCustomerData(token, clock);
    expect(exported!.fileName).toBe(`my-data-${card.cardNumber}-2026-03-02.json`);
    expect(exported!.data).toMatchObject({
      merchant: merchant.name,
      customer: { name: "Léa", email, phone: "+352621555123", birthday: "1990-04-01", erasedAt: null },
      emailConsent: { given: true, at: clock.now().toISOString(), textVersion: "2026-01" },
      card: { cardNumber: card.cardNumber, qrCode: card.qrCode, stampCount: 1, stampsEarned: 1 },
      wallets: { appleDevices: 0, googleWallet: false },
      history: [expect.objectContaining({ type: "stamp_earned", stampsDelta: 1, stampsAfter: 1 })],
    });
  });

  it("withdraws and gives consent again, each decision recorded and audit-logged", async () => {
    const { token, card, merchant } = await enrolled();
    await setEmailConsent(token, false, clock);
    const prisma = database().prisma;
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: card.customer.id } })).toMatchObject({
      emailConsent: false,
      emailConsentVersion: null,
    });
    await setEmailConsent(token, true, clock);
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: card.customer.id } })).toMatchObject({
      emailConsent: true,
      emailConsentVersion: "2026-01",
    });
    const audit = await prisma.auditLog.findMany({
      where: { merchantId: merchant.id, targetId: card.customer.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((entry) => entry.action)).toEqual(["customer.consent_withdrawn", "customer.consent_given"]);
  });

  it("unsubscribes through a signed link, twice without harm; a forged or other customer's signature does nothing", async () => {
    const { card } = await enrolled();
    const other = await enrolled();
    const token = signUnsubscribeToken(card.customer.id);
    const forged = `${signUnsubscribeToken(other.card.customer.id).slice(0, -43)}${token.slice(-43)}`;
    expect(await unsubscribeCustomer(forged, clock)).toBe(false);
    expect(await unsubscribeCustomer("garbage", clock)).toBe(false);
    expect(await unsubscribeCustomer(token, clock)).toBe(true);
    expect(await unsubscribeCustomer(token, clock)).toBe(true);
    const prisma = database().prisma;
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: card.customer.id } })).emailConsent).toBe(false);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: other.card.customer.id } })).emailConsent).toBe(true);
  });

  it("erases the person in one go: personal data and consent gone, wallet registrations dropped after the push; card, balances and ledger kept", async () => {
    const { token, card, merchant } = await enrolled();
    const prisma = database().prisma;
    await prisma.appleDeviceRegistration.create({
      data: {
        deviceLibraryIdentifier: uniq("device"),
        passTypeIdentifier: "pass.test",
        serialNumber: uniq("serial"),
        pushToken: "t",
        cardId: card.id,
      },
    });
    await prisma.card.update({ where: { id: card.id }, data: { googleObjectId: uniq("google") } });
    const ledgerBefore = await prisma.ledgerEntry.findMany({ where: { cardId: card.id } });

    await eraseCustomer(token, clock);
    await eraseCustomer(token, clock);

    expect(await prisma.customer.findUniqueOrThrow({ where: { id: card.customer.id } })).toMatchObject({
      name: null,
      email: null,
      phone: null,
      birthday: null,
      emailConsent: false,
      emailConsentAt: null,
      emailConsentVersion: null,
      erasedAt: clock.now(),
    });
    // The Apple registrations stay until the worker has pushed the voided pass, then go (the push itself:
    // lib/wallet/apple/apple-wallet.db.test.ts); the drop never touches the devices of a card still in use.
    expect(await prisma.appleDeviceRegistration.count({ where: { cardId: card.id } })).toBe(1);
    expect(await dropErasedCardDevices(card.id)).toBe(1);
    expect(await prisma.appleDeviceRegistration.count({ where: { cardId: card.id } })).toBe(0);
    expect(await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({
      stampCount: 1,
      stampsEarned: 1,
      googleObjectId: null,
    });
    expect(await prisma.ledgerEntry.findMany({ where: { cardId: card.id } })).toEqual(ledgerBefore);
    expect(await prisma.outboxEvent.count({ where: { type: "wallet.card_erased", merchantId: merchant.id } })).toBe(1);
    expect((await prisma.auditLog.findMany({ where: { action: "customer.erased", targetId: card.customer.id } })).length).toBe(1);
    expect((await getWebCard(token))!.customer).toBeNull();
    const exported = await exportCustomerData(token, clock);
    expect(exported!.data).toMatchObject({ customer: { name: null, email: null, phone: null } });
  });

  it("recovers the card with an emailed six-digit code: hashed, once, ten minutes, five tries; the same answer for any address", async () => {
    const { email, store, token } = await enrolled();
    const prisma = database().prisma;
    const mailsBefore = await prisma.outboxEvent.count({ where: { type: "mail.send" } });
    await requestRecoveryCode({ storeCode: store.code, email: `${uniq("nobody")}@example.com` }, request(), clock);
    expect(await prisma.outboxEvent.count({ where: { type: "mail.send" } })).toBe(mailsBefore);

    const codeFromMail = async () => {
      const mails = await prisma.outboxEvent.findMany({ where: { type: "mail.send" }, orderBy: { id: "desc" } });
      const mail = mails.map((row) => row.payload as MailMessage).find((payload) => payload.to === email)!;
      expect(mail.headers!["List-Unsubscribe"]).toBeDefined();
      return /^(\d{6}) /.exec(mail.subject)![1]!;
    };
    await requestRecoveryCode({ storeCode: store.code, email: email.toUpperCase() }, request(), clock);
    const code = await codeFromMail();
    const stored = await prisma.cardRecoveryCode.findFirstOrThrow({ where: { usedAt: null }, orderBy: { createdAt: "desc" } });
    expect(stored.codeHash).not.toContain(code);

    const wrong = code === "000000" ? "111111" : "000000";
    const client = request();
    const refusedUnknown = await refusal(
      verifyRecoveryCode({ storeCode: store.code, email: `${uniq("x")}@example.com`, code }, client, clock),
    );
    const refusedWrong = await refusal(verifyRecoveryCode({ storeCode: store.code, email, code: wrong }, client, clock));
    expect(refusedWrong.details).toEqual(refusedUnknown.details);
    expect(refusedWrong.details.fieldErrors).toEqual({ code: ["validation.recoveryCodeWrong"] });
    expect(await verifyRecoveryCode({ storeCode: store.code, email, code }, client, clock)).toEqual({ pageToken: token });
    // Once only.
    expect((await refusal(verifyRecoveryCode({ storeCode: store.code, email, code }, client, clock))).code).toBe("VALIDATION_FAILED");

    // Five wrong tries spend a code, even if the right one comes next.
    await requestRecoveryCode({ storeCode: store.code, email }, request(), clock);
    const second = await codeFromMail();
    const other = second === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await refusal(verifyRecoveryCode({ storeCode: store.code, email, code: other }, request(), clock));
    expect((await refusal(verifyRecoveryCode({ storeCode: store.code, email, code: second }, request(), clock))).code).toBe(
      "VALIDATION_FAILED",
    );

    // Ten minutes.
    await requestRecoveryCode({ storeCode: store.code, email }, request(), clock);
    const third = await codeFromMail();
    clock.advance(10 * 60_000 + 1);
    expect((await refusal(verifyRecoveryCode({ storeCode: store.code, email, code: third }, request(), clock))).code).toBe(
      "VALIDATION_FAILED",
    );

    // A fourth code within the hour is refused for this address (rate limit), whoever asks.
    expect((await refusal(requestRecoveryCode({ storeCode: store.code, email }, request(), clock))).code).toBe("RATE_LIMITED");
  });
});
