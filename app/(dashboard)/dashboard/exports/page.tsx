import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { ButtonLink } from "@/components/ui/button-link";
import { requireMerchantUser } from "@/lib/auth/session";
import { localDayOf } from "@/lib/domain/local-day";
import { CUSTOMERS_CSV_COLUMNS } from "@/lib/exports/customers-csv";
import { TRANSACTIONS_CSV_COLUMNS } from "@/lib/exports/transactions-csv";
import { TransactionsExportForm } from "./transactions-export-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.exports"))("title") };
}

/** CSV downloads: every customer with their consent, and the transactions of a range of days. */
export default async function ExportsPage() {
  const [{ ctx, merchant }, t] = await Promise.all([requireMerchantUser(), getTranslations("dashboard.exports")]);
  const today = localDayOf(ctx.clock.now(), merchant.timeZone);
  const columns = (list: readonly string[]) => (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">{t("columns")}</summary>
      <p className="mt-2 font-mono text-xs leading-6 text-stone-700">{list.join(", ")}</p>
    </details>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { timeZone: merchant.timeZone })} />
      <div className="space-y-6">
        <Section id="customers-export" title={t("customers.title")} description={t("customers.description")}>
          <ButtonLink href="/dashboard/exports/customers.csv" prefetch={false}>
            {t("customers.download")}
          </ButtonLink>
          {columns(CUSTOMERS_CSV_COLUMNS)}
        </Section>
        <Section id="transactions-export" title={t("transactions.title")} description={t("transactions.description")}>
          <TransactionsExportForm defaultFrom={`${today.slice(0, 8)}01`} defaultTo={today} />
          {columns(TRANSACTIONS_CSV_COLUMNS)}
        </Section>
      </div>
    </>
  );
}
