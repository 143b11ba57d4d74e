import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { emailsTo } from "./support/mail";
import { logIn, seedMerchant } from "./support/seed-merchant";
import { screenshot } from "./support/screenshot";

test("customers who agree get a welcome email; the merchant previews a campaign, sees the count, sends it, and only they receive it", async ({
  page,
}) => {
  const merchant = await seedMerchant({ program: "stamps", store: true, apiKey: true });
  const suffix = randomUUID().slice(0, 8);
  const consenting = [`anna.campaign-${suffix}@example.com`, `ben.campaign-${suffix}@example.com`];
  const silent = `cleo.campaign-${suffix}@example.com`;
  for (const [email, consent, locale] of [
    [consenting[0], true, "en"],
    [consenting[1], true, "fr"],
    [silent, false, "en"],
  ] as const) {
    const enrolled = await page.request.post("/api/v1/vendor/loyalty/cards/enroll", {
      headers: { authorization: `Bearer ${merchant.apiKey}` },
      data: { storeId: merchant.store!.id, customer: { name: "Campaign Guest", email, locale }, emailConsent: consent },
    });
    expect(enrolled.status()).toBe(201);
  }
  // The welcome email, with the card's link, queued with the enrollment.
  const [welcome] = await emailsTo(consenting[0]!, 1);
  expect(welcome!.subject).toMatch(/^Welcome to /);
  expect(welcome!.text).toMatch(/Open my card: https?:\/\/\S+\/card\//);
  expect(welcome!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

  await logIn(page, merchant.owner);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();

  // Sending needs a preview first; a preview of an empty campaign points at the fields.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("This field is required.")).toHaveCount(2);

  const subject = `Summer hours ${suffix}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill("From Monday we open at 7.\n\nCome and try our new pastries!");
  await page.getByLabel("All customers who agreed to emails").check();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("2 customers will receive this email.")).toBeVisible();
  const frame = page.frameLocator('iframe[title="Preview of the email"]');
  await expect(frame.getByRole("heading", { name: subject })).toBeVisible();
  await expect(frame.getByText("Come and try our new pastries!")).toBeVisible();
  await screenshot(page, "campaigns-preview");

  // Changing the campaign after the preview asks for a new one before it can be sent.
  await page.getByLabel("Customers with a reward waiting").check();
  await expect(page.getByText("You changed the campaign: preview it again before sending.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Send to/ })).toHaveCount(0);
  await page.getByLabel("All customers who agreed to emails").check();

  // The first send reaches the server and is made, then the connection drops before its answer.
  let dropped = 0;
  await page.route("**/dashboard/campaigns", async (route) => {
    if (dropped === 0 && route.request().method() === "POST" && route.request().postData()?.includes("idempotencyKey")) {
      dropped++;
      expect((await route.fetch()).status()).toBe(200);
      await route.abort("connectionreset");
      return;
    }
    await route.continue();
  });
  await page.getByRole("button", { name: "Send to 2 customers" }).click();
  await expect(page.getByText("No answer from the server: the campaign may have been sent.")).toBeVisible();
  expect(dropped).toBe(1);
  // Sending again is the same send: answered with the first, not sent twice.
  await page.getByRole("button", { name: "Send to 2 customers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 emails are on their way." })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Send to/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(subject) })).toHaveCount(1);
  await expect(page.getByRole("row", { name: new RegExp(subject) })).toContainText("2");
  await screenshot(page, "campaigns-sent");

  for (const email of consenting) {
    const mails = await emailsTo(email, 2);
    const campaign = mails.find((mail) => mail.subject === subject)!;
    expect(campaign.text).toContain("From Monday we open at 7.");
    expect(campaign.headers["list-unsubscribe"]).toMatch(/\/api\/v1\/loyalty\/unsubscribe\//);
  }
  // Ben chose French: the button and footer of the same campaign are in French.
  expect((await emailsTo(consenting[1]!, 2)).find((mail) => mail.subject === subject)!.text).toContain("Ouvrir ma carte");
  // Cleo did not agree to emails: nothing at all; and the others got the campaign once.
  await page.waitForTimeout(1_500);
  expect(await emailsTo(silent, 0)).toEqual([]);
  for (const email of consenting) expect((await emailsTo(email, 2)).filter((mail) => mail.subject === subject)).toHaveLength(1);
});
