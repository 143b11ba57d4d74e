import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditActionFilter } from "@/components/audit/audit-action-filter";
import { FilterActions } from "@/components/forms/filter-actions";
import { FilterSelect } from "@/components/forms/filter-select";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { listPlatformAuditFilters, listPlatformAuditLog } from "@/lib/admin/list-platform-audit-log";
import { platformAuditQuerySchema } from "@/lib/admin/schemas";
import { auditActionGroups, isKnownAuditAction, isKnownAuditArea } from "@/lib/audit/audit-actions";
import { summarizeDetails, type DetailValue } from "@/lib/audit/summarize-details";
import { requirePlatformAdmin } from "@/lib/auth/session";
import { stackedTable as st } from "../../../(dashboard)/dashboard/settings/stacked-table";
import { parseQueryParams, withQuery } from "../query-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

const PATH = "/admin/audit";
const SHOWN_DETAILS = 4;

/** Every admin action and every merchant's changes, newest first, filtered by action, merchant and who acted. */
export default async function PlatformAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ctx } = await requirePlatformAdmin();
  const query = parseQueryParams(platformAuditQuerySchema, await searchParams);
  const [page, filters, t, tLog, format] = await Promise.all([
    listPlatformAuditLog(ctx, query),
    listPlatformAuditFilters(ctx),
    getTranslations("admin.audit"),
    getTranslations("dashboard.audit"),
    getFormatter(),
  ]);
  const filtered = !!(query.action || query.merchant || query.actor);
  const areaName = (area: string) => (isKnownAuditArea(area) ? tLog(`areas.${area}`) : area);
  const actionSentence = (action: string) => (isKnownAuditAction(action) ? tLog(`actions.${action}`) : action);
  const actorKind = (kind: string) => (["user", "admin", "api_key", "staff", "system"].includes(kind) ? t(`actors.${kind}`) : kind);
  const fieldName = (field: string) => (/^[A-Za-z_]+$/.test(field) && tLog.has(`fields.${field}`) ? tLog(`fields.${field}`) : field);
  const valueText = (value: DetailValue) =>
    value.kind === "empty"
      ? tLog("details.empty")
      : value.kind === "boolean"
        ? tLog(value.value ? "details.yes" : "details.no")
        : value.kind === "items"
          ? tLog("details.items", { count: value.count })
          : value.text;
  const actionGroups = auditActionGroups(filters.actions, query.action, areaName);
  const current = { action: query.action, merchant: query.merchant, actor: query.actor };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Section title={t("filters.title")}>
          <form method="get" action={PATH} className="flex flex-col gap-4 md:flex-row md:flex-wrap md:items-end">
            <AuditActionFilter
              label={t("filters.action")}
              anyLabel={t("filters.allActions")}
              value={query.action}
              className="md:min-w-0 md:flex-1"
              groups={actionGroups}
              areaName={areaName}
              actionSentence={actionSentence}
              allInArea={(area) => t("filters.allInArea", { area })}
            />
            <FilterSelect
              id="audit-merchant"
              name="merchant"
              label={t("filters.merchant")}
              value={query.merchant}
              anyLabel={t("filters.allMerchants")}
              options={filters.merchants.map((merchant) => ({ value: merchant.id, label: merchant.name }))}
              className="md:min-w-0 md:flex-1"
            />
            <FilterSelect
              id="audit-actor"
              name="actor"
              label={t("filters.actor")}
              value={query.actor}
              anyLabel={t("filters.everyone")}
              options={[
                { value: "admin", label: t("filters.admins") },
                { value: "merchant", label: t("filters.merchants") },
              ]}
            />
            <FilterActions submitLabel={t("filters.submit")} clearLabel={t("filters.clear")} clearHref={PATH} filtered={filtered} />
          </form>
        </Section>
        <Section title={t("entries.title")}>
          {page.entries.length === 0 ? (
            <p className="text-sm text-stone-600">{filtered ? t("entries.noneMatching") : t("entries.none")}</p>
          ) : (
            <table className={st.table}>
              <caption className="sr-only">{t("entries.caption")}</caption>
              <thead className={st.thead}>
                <tr>
                  <th scope="col" className={`${st.th} whitespace-nowrap`}>
                    {t("entries.when")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("entries.merchant")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("entries.who")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("entries.what")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("entries.details")}
                  </th>
                </tr>
              </thead>
              <tbody className={st.tbody}>
                {page.entries.map((entry) => {
                  const details = summarizeDetails(entry.details);
                  return (
                    <tr key={entry.id} className={`${st.tr} max-md:flex max-md:flex-col`}>
                      <td className={`${st.cell} text-stone-700 md:whitespace-nowrap`}>
                        <span className={st.label}>{t("entries.when")}:</span>
                        <time dateTime={entry.createdAt}>
                          {format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
                        </time>
                      </td>
                      <td className={st.cell}>
                        <span className={st.label}>{t("entries.merchant")}:</span>
                        {entry.merchant ? (
                          <Link href={`/admin/merchants/${entry.merchant.id}`} className="text-brand-700 underline underline-offset-2">
                            {entry.merchant.name}
                          </Link>
                        ) : (
                          <span className="text-stone-600">{t("entries.platform")}</span>
                        )}
                      </td>
                      <td className={st.cell}>
                        <span className={st.label}>{t("entries.who")}:</span>
                        <span className="font-medium break-words text-stone-900">{entry.actorName ?? actorKind(entry.actorType)}</span>
                        {entry.actorName ? <span className="block text-xs text-stone-600">{actorKind(entry.actorType)}</span> : null}
                      </td>
                      <th scope="row" className={`${st.cell} font-semibold text-stone-900 max-md:order-first md:font-normal`}>
                        {actionSentence(entry.action)}
                      </th>
                      <td className={`${st.cell} text-stone-700 md:pr-0`}>
                        {details.length === 0 ? (
                          <span>—</span>
                        ) : (
                          <ul className="space-y-0.5 text-xs">
                            {details.slice(0, SHOWN_DETAILS).map((item) => (
                              <li key={item.field} className="break-words">
                                {item.field ? <span className="text-stone-600">{fieldName(item.field)}: </span> : null}
                                {"value" in item ? (
                                  <span className="text-stone-900">{valueText(item.value)}</span>
                                ) : (
                                  <>
                                    <span className="text-stone-600 line-through">{valueText(item.before)}</span>
                                    <span aria-hidden="true"> → </span>
                                    <span className="sr-only"> {tLog("details.to")} </span>
                                    <span className="text-stone-900">{valueText(item.after)}</span>
                                  </>
                                )}
                              </li>
                            ))}
                            {details.length > SHOWN_DETAILS ? (
                              <li className="text-stone-600">{tLog("details.more", { count: details.length - SHOWN_DETAILS })}</li>
                            ) : null}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {query.cursor || page.nextCursor ? (
            <nav
              aria-label={t("entries.pages")}
              className="mt-4 flex flex-wrap justify-between gap-3 border-t border-stone-200 pt-4 text-sm"
            >
              {query.cursor ? (
                <Link href={withQuery(PATH, current)} className="font-semibold text-brand-700 underline">
                  {t("entries.newest")}
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link href={withQuery(PATH, { ...current, cursor: page.nextCursor })} className="font-semibold text-brand-700 underline">
                  {t("entries.older")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Section>
      </div>
    </>
  );
}
