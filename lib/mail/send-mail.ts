import "server-only";
import { getConfig } from "@/lib/config";
import { logger } from "@/lib/logger";
import { createMailer, type MailMessage, type Mailer, type SentMail } from "./create-mailer";

const globalForMail = globalThis as { __loyaltyMailer?: Mailer };

/**
 * Sends one message with the configured transport (SMTP, or an .eml file
 * under .data/mail/ whose path is logged). Callers outside the outbox worker
 * should enqueue mail through the outbox instead, so a crash loses nothing.
 */
export async function sendMail(message: MailMessage): Promise<SentMail> {
  globalForMail.__loyaltyMailer ??= createMailer(getConfig().mail);
  const sent = await globalForMail.__loyaltyMailer.send(message);
  if (sent.transport === "file") {
    logger.info("mail.saved", { file: sent.file, note: "LOYALTY_SMTP_URL is not set: the message was written to a file" });
  } else {
    logger.info("mail.sent", { messageId: sent.messageId });
  }
  return sent;
}

export type { MailMessage, SentMail } from "./create-mailer";
