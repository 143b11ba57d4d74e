import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/http/request-schemas";

export const CAMPAIGN_SEGMENTS = ["all_consented", "inactive_30_days", "reward_available"] as const;
export type CampaignSegment = (typeof CAMPAIGN_SEGMENTS)[number];

/** A campaign as the merchant composes it: its subject, its message (plain text, blank lines between paragraphs) and who gets it. */
export const composeCampaignSchema = z
  .object({
    subject: z.string().trim().min(1).max(120),
    message: z.string().trim().min(1).max(5_000),
    segment: z.enum(CAMPAIGN_SEGMENTS),
  })
  .strict();
export type ComposeCampaignInput = z.infer<typeof composeCampaignSchema>;

/** Sending: the campaign as previewed, with the key the browser made for it (a send tried again is the same send). */
export const sendCampaignSchema = composeCampaignSchema.extend({ idempotencyKey: idempotencyKeySchema }).strict();
