import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { FilterActions } from "@/components/forms/filter-actions";
import { FilterSelect } from "@/components/forms/filter-select";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { inputClassName } from "@/components/forms/field";
import { listMerchants } from "@/lib/admin/list-merchants";
import { listMerchantsQuerySchema } from "@/lib/admin/schemas";
import { requirePlatformAdmin } from "@/lib/auth/session";
import { stackedTable as st } from "../../../(dashboard)/dashboard/settings/stacked-table";
import { parseQueryParams, withQuery } from "../query-params";
import { StatusBadge } from "./status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.merchants"))("title") };
}

const PATH = "/admin/merchants";

/** Every merchant, newest first: search by name or owner email, filter by status and program type, 50 a page. */
export default async function MerchantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requirePlatformAdmin();
  const query = parseQueryParams(listMerchantsQuerySchema.omit({ limit: true }), await searchParams);
  const [page, t, format] = await Promise.all([
    listMerchants(ctx, { ...query, limit: 50 }),
    getTranslations("admin.merchants"),
    getFormatter(),
  ]);
  const filtered = !!(query.q || query.status || query.type);
  const filters = { q: query.q, status: query.status, type: query.type };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Section title={t("filters.title")}>
          <form method="get" action={PATH} role="search" className="flex flex-col gap-4 md:flex-row md:items-end">
            <div className="md:min-w-0 md:flex-1">
              <label htmlFor="merchant-search" className="block text-sm font-medium text-stone-800">
                {t("filters.search")}
              </label>
              <input id="merchant-search" type="search" name="q" defaultValue={query.q ?? ""} className={inputClassName} />
            </div>
            <FilterSelect
              id="merchant-status"
              name="status"
              label={t("filters.status")}
              value={query.status}
              anyLabel={t("filters.anyStatus")}
              options={(["active", "suspended"] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
            />
            <FilterSelect
              id="merchant-type"
              name="type"
              label={t("filters.type")}
              value={query.type}
              anyLabel={t("filters.anyType")}
              options={(["stamps", "points", "hybrid", "none"] as const).map((type) => ({ value: type, label: t(`types.${type}`) }))}
            />
            <FilterActions submitLabel={t("filters.submit")} clearLabel={t("filters.clear")} clearHref={PATH} filtered={filtered} />
          </form>
        </Section>
        <Section title={t("list.title")}>
          {page.programs.length === 0 ? (
            <p className="text-sm text-stone-600">{filtered ? t("list.noneMatching") : t("list.none")}</p>
          ) : (
            <table className={st.table}>
              <caption className="sr-only">{t("list.caption")}</caption>
              <thead className={st.thead}>
                <tr>
                  <th scope="col" className={st.th}>
                    {t("list.merchant")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("list.program")}
                  </th>
                  <th scope="col" className={`${st.th} md:text-right`}>
                    {t("list.members")}
                  </th>
                  <th scope="col" className={`${st.th} md:text-right`}>
                    {t("list.active30")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("list.status")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("list.since")}
                  </th>
                </tr>
              </thead>
              <tbody className={st.tbody}>
                {page.programs.map((row) => (
                  <tr key={row.merchant.id} className={st.tr}>
                    <th scope="row" className={`${st.cell} font-normal`}>
                      <Link
                        href={`${PATH}/${row.merchant.id}`}
                        className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900"
                      >
                        {row.merchant.name}
                      </Link>
                      {row.merchant.ownerEmail ? (
                        <span className="block text-xs break-all text-stone-600">{row.merchant.ownerEmail}</span>
                      ) : null}
                    </th>
                    <td className={st.cell}>
                      <span className={st.label}>{t("list.program")}:</span>
                      {t(`types.${row.type ?? "none"}`)}
                    </td>
                    <td className={`${st.cell} tabular-nums md:text-right`}>
                      <span className={st.label}>{t("list.members")}:</span>
                      {format.number(row.members)}
                    </td>
                    <td className={`${st.cell} tabular-nums md:text-right`}>
                      <span className={st.label}>{t("list.active30")}:</span>
                      {format.number(row.activeMembers30Days)}
                    </td>
                    <td className={st.cell}>
                      <span className={st.label}>{t("list.status")}:</span>
                      <StatusBadge status={row.merchant.status} label={t(`status.${row.merchant.status}`)} />
                    </td>
                    <td className={`${st.cell} text-stone-700`}>
                      <span className={st.label}>{t("list.since")}:</span>
                      {format.dateTime(new Date(row.merchant.createdAt), { dateStyle: "medium" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {query.cursor || page.nextCursor ? (
            <nav aria-label={t("list.pages")} className="mt-4 flex flex-wrap justify-between gap-3 border-t border-stone-200 pt-4 text-sm">
              {query.cursor ? (
                <Link href={withQuery(PATH, filters)} className="font-semibold text-brand-700 underline underline-offset-2">
                  {t("list.first")}
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link
                  href={withQuery(PATH, { ...filters, cursor: page.nextCursor })}
                  className="font-semibold text-brand-700 underline underline-offset-2"
                >
                  {t("list.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Section>
      </div>
    </>
  );
}
