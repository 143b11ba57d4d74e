import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import type { MailMessage } from "@/lib/mail/create-mailer";
import { customerEmail } from "@/lib/mail/customer-email";

type Recipient = { to: string; customerId: string; locale: string; merchantName: string; brandColor: string };

/** Someone enrolled again with an address that has a card here: the card's link goes to that address, not to the screen. */
export function cardLinkEmail(recipient: Recipient, cardUrl: string): MailMessage {
  const t = translatorFor(recipient.locale);
  const merchant = recipient.merchantName;
  return customerEmail({
    ...recipient,
    subject: t("customerEmails.cardLink.subject", { merchant }),
    content: {
      heading: t("customerEmails.cardLink.heading", { merchant }),
      paragraphs: [t("customerEmails.cardLink.body", { merchant }), t("customerEmails.cardLink.ignore")],
      button: { label: t("customerEmails.cardLink.button"), url: cardUrl },
      brandColor: recipient.brandColor,
    },
  });
}

/** The six-digit code that opens the card on a new phone. */
export function recoveryCodeEmail(recipient: Recipient, code: string, validMinutes: number): MailMessage {
  const t = translatorFor(recipient.locale);
  const merchant = recipient.merchantName;
  return customerEmail({
    ...recipient,
    subject: t("customerEmails.recoveryCode.subject", { code, merchant }),
    content: {
      preheader: code,
      heading: t("customerEmails.recoveryCode.heading", { code }),
      paragraphs: [t("customerEmails.recoveryCode.body", { merchant, minutes: validMinutes }), t("customerEmails.recoveryCode.ignore")],
      brandColor: recipient.brandColor,
    },
  });
}
