import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { campaignEmail } from "@/lib/notifications/customer-notice-emails";
import type { ServiceContext } from "@/lib/service-context";
import { campaignRecipientsWhere } from "./campaign-recipients";
import type { ComposeCampaignInput } from "./schemas";

export type CampaignPreview = { subject: string; html: string; text: string; recipients: number };

/** A stand-in customer for the preview: its unsubscribe link names no one. */
const PREVIEW_CUSTOMER_ID = "00000000-0000-4000-8000-000000000000";

/**
 * The campaign as its recipients will see it (rendered with the merchant's name, color and logo, in the language of
 * the person previewing), and how many customers it would go to right now.
 */
export async function previewCampaign(ctx: ServiceContext, input: ComposeCampaignInput, locale: string): Promise<CampaignPreview> {
  const merchant = await db.merchant.findUniqueOrThrow({
    where: { id: ctx.merchantId },
    select: { name: true, program: { select: { id: true, cardName: true, backgroundColor: true, logoMimeType: true, updatedAt: true } } },
  });
  const program = merchant.program;
  if (!program) throw new AppError("NOT_FOUND", {}, "This merchant has no loyalty program yet.");
  const where = await campaignRecipientsWhere(db, ctx.merchantId, input.segment, ctx.clock.now());
  const recipients = await db.card.count({ where });
  const publicUrl = getConfig().publicUrl;
  const message = campaignEmail(
    {
      to: "preview@example.com",
      customerId: PREVIEW_CUSTOMER_ID,
      customerName: null,
      locale,
      merchantId: ctx.merchantId,
      merchantName: merchant.name,
      brandColor: program.backgroundColor,
      logoUrl: program.logoMimeType ? `${publicUrl}/api/v1/loyalty/logos/${program.id}?v=${program.updatedAt.getTime()}` : null,
      cardName: program.cardName,
      cardUrl: `${publicUrl}/card/…`,
    },
    input,
  );
  return { subject: message.subject, html: message.html ?? "", text: message.text, recipients };
}
