import { createTranslator } from "next-intl";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import lb from "@/messages/lb.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

// English is the reference catalog: the others have exactly its keys (messages/messages.test.ts).
const CATALOGS = { en, fr, de, lb } as unknown as Record<Locale, typeof en>;

/** Messages in a given language outside a request (emails, the API's English texts). */
export function translatorFor(locale: string) {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createTranslator({ locale: chosen, messages: CATALOGS[chosen] });
}
