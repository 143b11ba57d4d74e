import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/** The first of the browser's languages we speak (by primary subtag), else English. */
export function negotiateBrowserLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
