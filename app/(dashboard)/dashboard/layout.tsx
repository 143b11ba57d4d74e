import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { LogoutButton } from "@/components/dashboard/logout-button";
import { PassCertificateBanner } from "@/components/dashboard/pass-certificate-banner";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { requireMerchantUser } from "@/lib/auth/session";
import { getPassCertificateWarning } from "@/lib/wallet/apple/get-pass-certificate-warning";
import type { Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "../../locale-actions";

/**
 * The dashboard's frame: sections, who is logged in, language, log out, and
 * the suspended banner. Each page and action still checks the session itself
 * (a layout is not re-run on every navigation, and actions skip it).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [session, t, locale] = await Promise.all([requireMerchantUser(), getTranslations(), getLocale()]);
  const owner = session.role === "owner";
  const passCertificate = owner ? getPassCertificateWarning(new Date()) : null;
  const items = [
    { href: "/dashboard", label: t("dashboard.nav.overview") },
    { href: "/dashboard/program", label: t("dashboard.nav.program") },
    { href: "/dashboard/stores", label: t("dashboard.nav.stores") },
    { href: "/dashboard/staff", label: t("dashboard.nav.staff") },
    { href: "/dashboard/customers", label: t("dashboard.nav.customers") },
    { href: "/dashboard/campaigns", label: t("dashboard.nav.campaigns") },
    { href: "/dashboard/exports", label: t("dashboard.nav.exports") },
    ...(owner
      ? [
          { href: "/dashboard/api-keys", label: t("dashboard.nav.apiKeys") },
          { href: "/dashboard/settings", label: t("dashboard.nav.settings") },
        ]
      : []),
  ];
  return (
    <ClientMessages namespaces={[]}>
      <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr]">
        <aside className="border-b border-stone-200 bg-white px-4 py-4 lg:border-b-0 lg:border-r">
          <div className="lg:sticky lg:top-4">
            <div className="flex items-center justify-between gap-3 lg:block">
              <Link href="/dashboard" className="block truncate text-lg font-bold text-brand-900">
                {session.merchant.name}
              </Link>
              <p className="text-sm text-stone-600 lg:mt-1">
                {session.user.name ?? session.user.email} · {t(`dashboard.roles.${session.role}`)}
              </p>
            </div>
            <div className="mt-4">
              <DashboardNav items={items} label={t("dashboard.nav.label")} />
            </div>
            <div className="mt-4 flex flex-wrap items-center gap-2 lg:mt-8">
              <LocaleSwitcher
                current={locale as Locale}
                action={setLocaleAction}
                labels={{ label: t("localeSwitcher.label"), submit: t("localeSwitcher.submit") }}
              />
              <LogoutButton label={t("auth.logout")} />
            </div>
          </div>
        </aside>
        <div className="min-w-0">
          {session.merchant.status === "suspended" ? (
            <div role="alert" className="border-b border-amber-300 bg-amber-50 px-6 py-3 text-sm text-amber-950">
              <strong>{t("dashboard.suspended.title")}</strong> {t("dashboard.suspended.body")}
            </div>
          ) : null}
          {passCertificate ? (
            <PassCertificateBanner
              title={t("appleWallet.certificateExpiring.title")}
              body={t("appleWallet.certificateExpiring.body", {
                days: passCertificate.daysLeft,
                date: passCertificate.expiresAt.toLocaleDateString(locale, { dateStyle: "long", timeZone: session.merchant.timeZone }),
              })}
            />
          ) : null}
          <main id="content" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:py-8">
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
