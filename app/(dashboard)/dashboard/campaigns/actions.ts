"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { merchantAction } from "@/lib/actions/merchant-action";
import { previewCampaign } from "@/lib/campaigns/preview-campaign";
import { composeCampaignSchema, sendCampaignSchema } from "@/lib/campaigns/schemas";
import { sendCampaign } from "@/lib/campaigns/send-campaign";

/** The campaign as recipients will see it, and how many customers it would go to. Changes nothing. */
export const previewCampaignAction = merchantAction({ schema: composeCampaignSchema }, async (session, input) =>
  previewCampaign(session.ctx, input, await getLocale()),
);

export const sendCampaignAction = merchantAction({ schema: sendCampaignSchema }, async (session, input) => {
  const sent = await sendCampaign(session.ctx, input);
  revalidatePath("/dashboard/campaigns");
  return sent;
});
