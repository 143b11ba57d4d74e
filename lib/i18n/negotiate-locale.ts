import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "./locales";

/**
 * The locale for a request: the one the person chose (cookie), else the best
 * match for the browser's Accept-Language, else English.
 */
export function negotiateLocale(cookieLocale: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieLocale)) return cookieLocale;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  try {
    const matched = match(requested, [...LOCALES], DEFAULT_LOCALE);
    return isLocale(matched) ? matched : DEFAULT_LOCALE;
  } catch {
    // A malformed Accept-Language header is not worth an error page.
    return DEFAULT_LOCALE;
  }
}
