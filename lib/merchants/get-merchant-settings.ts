import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import type { ServiceContext } from "@/lib/service-context";
import type { MerchantSettings } from "./schemas";

/** The merchant's name, time zone and default language, as the settings form shows them. */
export async function getMerchantSettings(ctx: ServiceContext): Promise<MerchantSettings> {
  const merchant = await db.merchant.findUnique({
    where: { id: ctx.merchantId },
    select: { name: true, timeZone: true, defaultLocale: true },
  });
  if (!merchant) throw new AppError("NOT_FOUND", {}, "No such merchant.");
  return {
    name: merchant.name,
    timeZone: merchant.timeZone,
    defaultLocale: isLocale(merchant.defaultLocale) ? merchant.defaultLocale : "en",
  };
}
