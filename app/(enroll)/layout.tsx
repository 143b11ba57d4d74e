import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import type { Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "../locale-actions";

/**
 * The customer's pages (join, web card, recovery, privacy, unsubscribe): phone-first, the merchant's branding
 * comes from each page, only the language switcher is ours. Each page gives its client components the messages
 * they need (components/enroll/customer-form-messages.tsx), so no page carries the others'.
 */
export default async function EnrollLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <div className="min-h-screen bg-stone-100">
      <div className="mx-auto flex max-w-lg justify-end px-4 pt-3">
        <LocaleSwitcher
          current={locale as Locale}
          action={setLocaleAction}
          labels={{ label: t("localeSwitcher.label"), submit: t("localeSwitcher.submit") }}
        />
      </div>
      <main id="content" className="mx-auto max-w-lg px-4 pb-12 pt-2">
        {children}
      </main>
    </div>
  );
}
