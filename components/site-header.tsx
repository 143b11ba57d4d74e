import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { LocaleSwitcher } from "./locale-switcher";

/** The public pages' header: product name, the way to the demo and to the login, the language. */
export async function SiteHeader({ setLocaleAction }: { setLocaleAction: (formData: FormData) => Promise<void> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-6 py-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-900" aria-label={t("nav.home")}>
          <svg viewBox="0 0 64 64" className="h-8 w-8" aria-hidden="true">
            <rect width="64" height="64" rx="14" fill="#3b2314" />
            <circle cx="22" cy="26" r="7" fill="#f5d9b8" />
            <circle cx="42" cy="26" r="7" fill="#f5d9b8" />
            <circle cx="22" cy="44" r="7" fill="#f5d9b8" />
            <circle cx="42" cy="44" r="7" fill="none" stroke="#f5d9b8" strokeWidth="3" />
          </svg>
          Loyalty
        </Link>
        <nav className="flex items-center gap-5 text-sm font-medium">
          <Link href="/demo" className="text-stone-700 hover:text-brand-700">
            {t("nav.demo")}
          </Link>
          <Link href="/docs/api" className="text-stone-700 hover:text-brand-700">
            {t("nav.api")}
          </Link>
          <Link href="/login" className="text-stone-700 hover:text-brand-700">
            {t("nav.login")}
          </Link>
          <LocaleSwitcher
            current={locale as Locale}
            action={setLocaleAction}
            labels={{ label: t("localeSwitcher.label"), submit: t("localeSwitcher.submit") }}
          />
        </nav>
      </div>
    </header>
  );
}
