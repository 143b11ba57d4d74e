import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import type { MailMessage } from "@/lib/mail/create-mailer";
import { customerEmail } from "@/lib/mail/customer-email";
import type { EmailRecipient } from "./email-recipient";

/**
 * The customer emails of the loyalty program, each in the customer's language, with the merchant's color and logo,
 * the card's link, and (through customerEmail) the plain-text part and the one-click unsubscribe link and headers.
 */
function build(recipient: EmailRecipient, subject: string, heading: string, paragraphs: string[], preheader?: string): MailMessage {
  const t = translatorFor(recipient.locale);
  return customerEmail({
    to: recipient.to,
    customerId: recipient.customerId,
    locale: recipient.locale,
    merchantName: recipient.merchantName,
    subject,
    content: {
      preheader,
      heading,
      paragraphs,
      button: { label: t("customerEmails.openCard"), url: recipient.cardUrl },
      brandColor: recipient.brandColor,
      logo: recipient.logoUrl ? { url: recipient.logoUrl, alt: recipient.merchantName } : undefined,
    },
  });
}

export function welcomeEmail(recipient: EmailRecipient): MailMessage {
  const t = translatorFor(recipient.locale);
  const merchant = recipient.merchantName;
  return build(
    recipient,
    t("customerEmails.welcome.subject", { merchant }),
    t("customerEmails.welcome.heading", { card: recipient.cardName }),
    [t("customerEmails.welcome.body", { merchant }), t("customerEmails.welcome.wallet")],
  );
}

/** A stamp card reached its target, or points reached a catalog reward's cost. */
export function rewardAvailableEmail(recipient: EmailRecipient, reward: { description: string | null; points?: number }): MailMessage {
  const t = translatorFor(recipient.locale);
  const merchant = recipient.merchantName;
  const name = reward.description ?? t("customerEmails.rewardAvailable.yourReward");
  const body =
    reward.points !== undefined
      ? t("customerEmails.rewardAvailable.bodyPoints", { points: reward.points, reward: name })
      : t("customerEmails.rewardAvailable.bodyStamps", { reward: name });
  return build(recipient, t("customerEmails.rewardAvailable.subject", { merchant }), t("customerEmails.rewardAvailable.heading"), [
    body,
    t("customerEmails.rewardAvailable.howTo"),
  ]);
}

export function oneStampAwayEmail(
  recipient: EmailRecipient,
  progress: { stamps: number; target: number; reward: string | null },
): MailMessage {
  const t = translatorFor(recipient.locale);
  const reward = progress.reward ?? t("customerEmails.rewardAvailable.yourReward");
  return build(
    recipient,
    t("customerEmails.oneStampAway.subject", { merchant: recipient.merchantName }),
    t("customerEmails.oneStampAway.heading"),
    [t("customerEmails.oneStampAway.body", { stamps: progress.stamps, target: progress.target, reward })],
  );
}

export function birthdayEmail(recipient: EmailRecipient, gift: { stamps: number; points: number }): MailMessage {
  const t = translatorFor(recipient.locale);
  const paragraphs = [
    ...(gift.stamps > 0 ? [t("customerEmails.birthday.bodyStamps", { count: gift.stamps })] : []),
    ...(gift.points > 0 ? [t("customerEmails.birthday.bodyPoints", { count: gift.points })] : []),
    t("customerEmails.birthday.seeYou"),
  ];
  const heading = recipient.customerName
    ? t("customerEmails.birthday.headingNamed", { name: recipient.customerName })
    : t("customerEmails.birthday.heading");
  return build(recipient, t("customerEmails.birthday.subject", { merchant: recipient.merchantName }), heading, paragraphs);
}

/** A merchant's own message: its subject and paragraphs (separated by blank lines) as typed. */
export function campaignEmail(recipient: EmailRecipient, campaign: { subject: string; message: string }): MailMessage {
  const paragraphs = campaign.message
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);
  return build(recipient, campaign.subject, campaign.subject, paragraphs);
}
