import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import type { Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "../locale-actions";

/**
 * The customer's pages (join, web card, recovery, privacy, unsubscribe): phone-first, the merchant's branding
 * comes from each page, only the language switcher is ours. Nested pages that need other namespaces (the
 * store's collect page) bring their own NextIntlClientProvider inside this one.
 */
export default async function EnrollLayout({ children }: { children: ReactNode }) {
  const [messages, locale, t] = await Promise.all([getMessages(), getLocale(), getTranslations()]);
  const pick = (names: string[]) => Object.fromEntries(names.map((name) => [name, messages[name]]));
  return (
    <div className="min-h-screen bg-stone-100">
      <div className="mx-auto flex max-w-lg justify-end px-4 pt-3">
        <LocaleSwitcher
          current={locale as Locale}
          action={setLocaleAction}
          labels={{ label: t("localeSwitcher.label"), submit: t("localeSwitcher.submit") }}
        />
      </div>
      <NextIntlClientProvider
        messages={pick(["join", "webCard", "cardRecovery", "privacy", "unsubscribe", "validation", "errors", "forms"])}
      >
        <main id="content" className="mx-auto max-w-lg px-4 pb-12 pt-2">
          {children}
        </main>
      </NextIntlClientProvider>
    </div>
  );
}
