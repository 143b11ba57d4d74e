import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type MailMessage = {
  to: string;
  subject: string;
  /** The plain-text part; every message has one. */
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
};

export type MailSettings = { smtpUrl?: string; from: string; outboxDir: string };

export type SentMail = { messageId: string; transport: "smtp" | "file"; file?: string };

export type Mailer = { send(message: MailMessage): Promise<SentMail>; close(): void };

/**
 * Email through nodemailer. With an SMTP URL, messages go to that server.
 * Without one, each message is written as an `.eml` file under the outbox
 * directory, so a newcomer can open what would have been sent.
 */
export function createMailer(settings: MailSettings): Mailer {
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(settings.smtpUrl);
    return {
      async send(message) {
        const info = await transport.sendMail({ from: settings.from, ...message });
        return { messageId: info.messageId, transport: "smtp" };
      },
      close: () => transport.close(),
    };
  }

  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: settings.from, ...message });
      await fs.mkdir(settings.outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(settings.outboxDir, `${stamp}-${randomBytes(4).toString("hex")}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      return { messageId: info.messageId, transport: "file", file };
    },
    close: () => transport.close(),
  };
}
