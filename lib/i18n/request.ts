import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate-locale";

// next-intl without locale prefixes in URLs: the language comes from the
// person's choice (a cookie set by the switcher) or from the browser, unless
// the code asks for one (getTranslations({ locale }): a poster in French for a
// merchant whose dashboard is in English).
export default getRequestConfig(async ({ locale: requested }) => {
  let locale: Locale;
  if (isLocale(requested)) {
    locale = requested;
  } else {
    const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
    locale = negotiateLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  }
  const messages = (await import(`../../messages/${locale}.json`)) as { default: Record<string, unknown> };
  return { locale, messages: messages.default };
});
