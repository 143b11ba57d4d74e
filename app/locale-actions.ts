"use server";

import { cookies } from "next/headers";
import { localeCookieOptions } from "@/lib/i18n/locale-cookie";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";

/** Remembers the language a person picked in the switcher; an unknown value changes nothing. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, localeCookieOptions());
}
