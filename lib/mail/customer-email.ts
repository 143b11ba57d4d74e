import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import type { MailMessage } from "./create-mailer";
import { renderEmail, type EmailContent } from "./render-email";
import { signUnsubscribeToken, unsubscribeHeaders, unsubscribePageUrl } from "./unsubscribe-token";

/**
 * Every email to a customer goes through here: the merchant's branding, a
 * signed unsubscribe link in the footer that works without logging in, and
 * the List-Unsubscribe / List-Unsubscribe-Post headers for one-click.
 */
export function customerEmail(options: {
  to: string;
  customerId: string;
  locale: string;
  merchantName: string;
  subject: string;
  content: Omit<EmailContent, "footer">;
}): MailMessage {
  const t = translatorFor(options.locale);
  const token = signUnsubscribeToken(options.customerId);
  const url = unsubscribePageUrl(token);
  const { html, text } = renderEmail({
    ...options.content,
    footer: t("customerEmails.footer", { merchant: options.merchantName }),
    unsubscribe: { label: t("customerEmails.unsubscribe"), url },
  });
  return { to: options.to, subject: options.subject, text, html, headers: unsubscribeHeaders(token) };
}
