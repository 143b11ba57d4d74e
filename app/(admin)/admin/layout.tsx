import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/dashboard/client-messages";
import { DashboardNav } from "@/components/dashboard/dashboard-nav";
import { LogoutButton } from "@/components/dashboard/logout-button";
import { PassCertificateBanner } from "@/components/dashboard/pass-certificate-banner";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { requirePlatformAdmin } from "@/lib/auth/session";
import { getPassCertificateWarning } from "@/lib/wallet/apple/get-pass-certificate-warning";
import type { Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "../../locale-actions";

/**
 * The admin console's frame: sections, who is logged in, language, log out.
 * Each page and action still checks for a platform admin itself.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [session, t, locale] = await Promise.all([requirePlatformAdmin(), getTranslations(), getLocale()]);
  const passCertificate = getPassCertificateWarning(new Date());
  const items = [
    { href: "/admin", label: t("admin.nav.overview") },
    { href: "/admin/merchants", label: t("admin.nav.merchants") },
    { href: "/admin/outbox", label: t("admin.nav.outbox") },
    { href: "/admin/jobs", label: t("admin.nav.jobs") },
    { href: "/admin/audit", label: t("admin.nav.audit") },
  ];
  return (
    <ClientMessages namespaces={["admin"]}>
      <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr]">
        <aside className="border-b border-stone-200 bg-stone-900 px-4 py-4 text-stone-100 lg:border-b-0 lg:border-r">
          <div className="lg:sticky lg:top-4">
            <div className="flex items-center justify-between gap-3 lg:block">
              <Link href="/admin" className="block truncate text-lg font-bold text-white">
                {t("admin.nav.title")}
              </Link>
              <p className="text-sm break-all text-stone-300 lg:mt-1">{session.user.name ?? session.user.email}</p>
            </div>
            <div className="mt-4 rounded-lg bg-white p-1">
              <DashboardNav items={items} label={t("admin.nav.label")} />
            </div>
            <div className="mt-4 flex flex-wrap items-center gap-2 rounded-lg bg-white p-2 lg:mt-8">
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
          {passCertificate ? (
            <PassCertificateBanner
              title={t("appleWallet.certificateExpiring.title")}
              body={t("appleWallet.certificateExpiring.adminBody", {
                days: passCertificate.daysLeft,
                date: passCertificate.expiresAt.toLocaleDateString(locale, { dateStyle: "long", timeZone: "UTC" }),
              })}
            />
          ) : null}
          <main id="content" className="mx-auto w-full max-w-6xl min-w-0 px-4 py-6 sm:px-6 lg:py-8">
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
