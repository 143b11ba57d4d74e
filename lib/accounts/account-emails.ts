import "server-only";
import { getConfig } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import type { MailMessage } from "@/lib/mail/create-mailer";
import { renderEmail } from "@/lib/mail/render-email";

/** The password-reset email, in the user's language. */
export function passwordResetEmail(to: string, token: string, locale: string): MailMessage {
  const t = translatorFor(locale);
  const url = `${getConfig().publicUrl}/reset-password/${token}`;
  const { html, text } = renderEmail({
    heading: t("emails.passwordReset.heading"),
    paragraphs: [t("emails.passwordReset.body"), t("emails.passwordReset.ignore")],
    button: { label: t("emails.passwordReset.button"), url },
    footer: t("emails.footer"),
  });
  return { to, subject: t("emails.passwordReset.subject"), text, html };
}

/** The invitation a manager receives, in the merchant's language. */
export function managerInvitationEmail(to: string, token: string, merchantName: string, inviterName: string, locale: string): MailMessage {
  const t = translatorFor(locale);
  const url = `${getConfig().publicUrl}/invite/${token}`;
  const { html, text } = renderEmail({
    heading: t("emails.invitation.heading", { merchant: merchantName }),
    paragraphs: [t("emails.invitation.body", { inviter: inviterName, merchant: merchantName }), t("emails.invitation.expiry")],
    button: { label: t("emails.invitation.button"), url },
    footer: t("emails.footer"),
  });
  return { to, subject: t("emails.invitation.subject", { merchant: merchantName }), text, html };
}
