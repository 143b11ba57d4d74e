import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headerOf, startSmtpCapture } from "@/test/smtp-capture";
import { createMailer } from "./create-mailer";

const message = {
  to: "lea@example.com",
  subject: "Votre carte de fidélité",
  text: "Bonjour Léa, voici votre carte.",
  html: "<p>Bonjour Léa, voici votre carte.</p>",
  headers: { "List-Unsubscribe": "<https://loyalty.example/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
};

describe("createMailer over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(() => smtp.close());

  it("delivers the message, both parts and the headers, to the SMTP server", async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: "Café Lumière <hello@cafe.example>", outboxDir: "/nonexistent" });
    const sent = await mailer.send(message);
    mailer.close();
    expect(sent.transport).toBe("smtp");

    const [received] = await smtp.waitFor(1);
    expect(received!.envelopeTo).toEqual(["lea@example.com"]);
    expect(received!.parsed.subject).toBe("Votre carte de fidélité");
    expect(received!.parsed.from).toMatchObject({ name: "Café Lumière", address: "hello@cafe.example" });
    expect(received!.parsed.text?.trim()).toBe("Bonjour Léa, voici votre carte.");
    expect(received!.parsed.html).toContain("<p>Bonjour Léa");
    expect(headerOf(received!.parsed, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(received!.raw).toContain("List-Unsubscribe: <https://loyalty.example/u/abc>");
  });
});

describe("createMailer without SMTP", () => {
  it("writes each message as an .eml file a person can open", async () => {
    const outboxDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-mail-")), "mail");
    const mailer = createMailer({ from: "Loyalty <no-reply@localhost>", outboxDir });
    const first = await mailer.send(message);
    const second = await mailer.send({ ...message, subject: "Second" });
    expect(first.transport).toBe("file");
    expect(first.file).toMatch(/\.eml$/);
    expect(second.file).not.toBe(first.file);
    expect(fs.readdirSync(outboxDir)).toHaveLength(2);

    const parsed = await PostalMime.parse(fs.readFileSync(first.file!));
    expect(parsed.subject).toBe("Votre carte de fidélité");
    expect(parsed.to).toMatchObject([{ address: "lea@example.com" }]);
    expect(parsed.text?.trim()).toBe("Bonjour Léa, voici votre carte.");
    fs.rmSync(path.dirname(outboxDir), { recursive: true, force: true });
  });
});
