import { describe, expect, it } from "vitest";
import { verifySecret } from "@/lib/auth/password-hash";
import { systemClock } from "@/lib/clock";
import { useTestDatabase } from "@/test/db";
import { fixedClock } from "@/test/clock";
import { refusal } from "@/test/refusal";
import { uniq } from "@/test/factories";
import { authenticate } from "./authenticate";
import { isPasswordResetTokenValid, requestPasswordReset, resetPassword } from "./password-reset";
import { loadSessionUser, revokeSession } from "./sessions";
import { signUp } from "./sign-up";

const PASSWORD = "a long enough password";

/** The token of the last reset link mailed to `email`, read from the outbox as the worker would send it. */
async function lastMailedToken(database: ReturnType<ReturnType<typeof useTestDatabase>>, email: string): Promise<string> {
  const mails = await database.prisma.outboxEvent.findMany({ where: { type: "mail.send" }, orderBy: { createdAt: "desc" } });
  const mail = mails.map((row) => row.payload as { to: string; text: string }).find((payload) => payload.to === email);
  const token = mail && /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no reset link mailed to ${email}`);
  return token;
}

describe("accounts", () => {
  const database = useTestDatabase();
  const client = () => ({ key: uniq("client"), userAgent: "vitest" });

  async function newOwner() {
    const email = `${uniq("owner")}@example.com`;
    const created = await signUp({ businessName: "Café", name: "Olivia", email, password: PASSWORD, locale: "fr" }, uniq("signup"));
    return { email, ...created };
  }

  it("sign up creates the merchant and its owner, with the password hashed (argon2id) and an audit entry", async () => {
    const { email, merchantId, userId } = await newOwner();
    const user = await database().prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { merchant: true } });
    expect(user).toMatchObject({ email, role: "owner", merchantId, merchant: { defaultLocale: "fr" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifySecret(user.passwordHash, PASSWORD)).toBe(true);
    expect(await database().prisma.auditLog.count({ where: { merchantId, action: "merchant.signed_up" } })).toBe(1);
  });

  it("sign up with an email that has an account is refused next to the email field", async () => {
    const { email } = await newOwner();
    const error = await refusal(
      signUp({ businessName: "Other", name: "Someone", email, password: PASSWORD, locale: "en" }, uniq("signup")),
    );
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { fieldErrors: { email: ["validation.emailTaken"] } } });
  });

  it("logging in opens a session; a wrong password or an unknown email gives nothing, without saying which", async () => {
    const { email, userId } = await newOwner();
    expect(await authenticate(email, "wrong password", client(), systemClock)).toBeNull();
    expect(await authenticate(`${uniq("nobody")}@example.com`, PASSWORD, client(), systemClock)).toBeNull();
    const user = await authenticate(email.toUpperCase(), PASSWORD, client(), systemClock);
    expect(user).toMatchObject({ userId, email, role: "owner" });
    expect(await loadSessionUser(user!.sessionId, userId, new Date())).toMatchObject({ email, role: "owner" });
  });

  it("logging in is rate limited per email, and a success clears the count", async () => {
    const { email } = await newOwner();
    for (let attempt = 0; attempt < 9; attempt++) expect(await authenticate(email, "wrong", client(), systemClock)).toBeNull();
    expect(await authenticate(email, PASSWORD, client(), systemClock)).not.toBeNull();
    for (let attempt = 0; attempt < 10; attempt++) expect(await authenticate(email, "wrong", client(), systemClock)).toBeNull();
    const error = await refusal(authenticate(email, PASSWORD, client(), systemClock));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details.retryAfter).toBeGreaterThan(0);
  });

  it("logging in is rate limited per client, whatever the email", async () => {
    const sameClient = client();
    for (let attempt = 0; attempt < 30; attempt++) await authenticate(`${uniq("guess")}@example.com`, "wrong", sameClient, systemClock);
    expect((await refusal(authenticate(`${uniq("guess")}@example.com`, "wrong", sameClient, systemClock))).code).toBe("RATE_LIMITED");
  });

  it("a revoked session or a deactivated account stops working at once", async () => {
    const { email, userId } = await newOwner();
    const first = (await authenticate(email, PASSWORD, client(), systemClock))!;
    const second = (await authenticate(email, PASSWORD, client(), systemClock))!;
    await revokeSession(first.sessionId, new Date());
    expect(await loadSessionUser(first.sessionId, userId, new Date())).toBeNull();
    expect(await loadSessionUser(second.sessionId, userId, new Date())).not.toBeNull();
    await database().prisma.user.update({ where: { id: userId }, data: { active: false } });
    expect(await loadSessionUser(second.sessionId, userId, new Date())).toBeNull();
  });

  it("a password reset mails a one-time link that sets the new password and ends every session", async () => {
    const { email, userId } = await newOwner();
    const session = (await authenticate(email, PASSWORD, client(), systemClock))!;
    await requestPasswordReset(email, uniq("client"), "de", systemClock);
    const token = await lastMailedToken(database(), email);
    expect(await database().prisma.authToken.count({ where: { tokenHash: token } })).toBe(0); // only its hash is stored
    expect(await isPasswordResetTokenValid(token, systemClock)).toBe(true);

    await resetPassword(token, "another long password", systemClock);
    expect(await loadSessionUser(session.sessionId, userId, new Date())).toBeNull();
    expect(await authenticate(email, PASSWORD, client(), systemClock)).toBeNull();
    expect(await authenticate(email, "another long password", client(), systemClock)).not.toBeNull();
    expect(await isPasswordResetTokenValid(token, systemClock)).toBe(false);
    expect((await refusal(resetPassword(token, "a third long password", systemClock))).code).toBe("NOT_FOUND");
  });

  it("a reset link expires after an hour", async () => {
    const { email } = await newOwner();
    const clock = fixedClock("2026-05-01T10:00:00Z");
    await requestPasswordReset(email, uniq("client"), "en", clock);
    const token = await lastMailedToken(database(), email);
    clock.advance(60 * 60_000);
    expect(await isPasswordResetTokenValid(token, clock)).toBe(false);
    expect((await refusal(resetPassword(token, "another long password", clock))).code).toBe("NOT_FOUND");
  });

  it("asking a reset for an unknown email answers the same and mails nothing; asking too often is rate limited", async () => {
    const unknown = `${uniq("nobody")}@example.com`;
    const before = await database().prisma.outboxEvent.count({ where: { type: "mail.send" } });
    await requestPasswordReset(unknown, uniq("client"), "en", systemClock);
    expect(await database().prisma.outboxEvent.count({ where: { type: "mail.send" } })).toBe(before);

    const { email } = await newOwner();
    for (let attempt = 0; attempt < 3; attempt++) await requestPasswordReset(email, uniq("client"), "en", systemClock);
    expect((await refusal(requestPasswordReset(email, uniq("client"), "en", systemClock))).code).toBe("RATE_LIMITED");
  });
});
