import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { isSupportedTimeZone } from "./time-zones";

/** The merchant's settings, as the settings form (owner only) writes them. */
export const updateMerchantSettingsSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
    timeZone: z.string().refine(isSupportedTimeZone, "validation.timeZone"),
    defaultLocale: z.enum(LOCALES, "validation.invalid"),
  })
  .strict();
export type UpdateMerchantSettingsInput = z.infer<typeof updateMerchantSettingsSchema>;

export type MerchantSettings = UpdateMerchantSettingsInput;
