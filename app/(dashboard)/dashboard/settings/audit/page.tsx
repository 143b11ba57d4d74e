import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditActionFilter } from "@/components/audit/audit-action-filter";
import { FilterActions } from "@/components/forms/filter-actions";
import { FilterSelect } from "@/components/forms/filter-select";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { auditActionGroups, isKnownAuditAction, isKnownAuditArea } from "@/lib/audit/audit-actions";
import type { AuditActorView, AuditTargetView } from "@/lib/audit/audit-names";
import { listAuditFilters } from "@/lib/audit/list-audit-filters";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { auditLogQuerySchema, type AuditLogQuery } from "@/lib/audit/schemas";
import { summarizeDetails, type DetailItem, type DetailValue } from "@/lib/audit/summarize-details";
import { requireOwner } from "@/lib/auth/session";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locales";
import { stackedTable as st } from "../stacked-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.audit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KNOWN_TARGETS = [
  "store",
  "staff_member",
  "api_key",
  "user",
  "reward",
  "card",
  "program",
  "invitation",
  "merchant",
  "counter_device",
  "outbox_event",
];
const SHOWN_DETAILS = 3;
const PATH = "/dashboard/settings/audit";

/** Who changed what, newest first, 50 entries a page, filtered by action and by person (the owner only). */
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireOwner();
  const query = parseQuery(await searchParams);
  const [t, format, page, filters] = await Promise.all([
    getTranslations("dashboard.audit"),
    getFormatter(),
    listAuditLog(session.ctx, query),
    listAuditFilters(session.ctx),
  ]);
  const timeZone = session.merchant.timeZone;
  const filtered = !!(query.action || query.person);

  const areaName = (area: string) => (isKnownAuditArea(area) ? t(`areas.${area}`) : area);
  const actionSentence = (action: string) => (isKnownAuditAction(action) ? t(`actions.${action}`) : action);
  const actorName = (actor: AuditActorView) => {
    switch (actor.kind) {
      case "user":
        return actor.name ?? t("actors.unknownUser");
      case "api_key":
        return t("actors.apiKey", { name: actor.name ?? "?" });
      case "staff":
        return t("actors.staff", { name: actor.name ?? "?" });
      case "admin":
        return t("actors.admin");
      default:
        return t("actors.system");
    }
  };
  const targetText = (target: AuditTargetView | null) => {
    if (!target) return null;
    const kind = KNOWN_TARGETS.includes(target.type) ? t(`targets.${target.type}`) : target.type;
    return { kind, label: target.label };
  };
  const fieldName = (field: string) => (/^[A-Za-z_]+$/.test(field) && t.has(`fields.${field}`) ? t(`fields.${field}`) : field);
  const valueText = (field: string, value: DetailValue) => {
    switch (value.kind) {
      case "empty":
        return t("details.empty");
      case "boolean":
        return value.value ? t("details.yes") : t("details.no");
      case "items":
        return t("details.items", { count: value.count });
      default:
        return field === "defaultLocale" && isLocale(value.text) ? LOCALE_NAMES[value.text] : value.text;
    }
  };

  const actionGroups = auditActionGroups(filters.actions, query.action, areaName);
  const people = filters.people
    .map((actor) => ({
      value: actor.filter,
      label: actor.detail && actor.kind === "user" ? `${actorName(actor)} (${actor.detail})` : actorName(actor),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (query.person && !people.some((person) => person.value === query.person)) people.push({ value: query.person, label: query.person });

  const link = (cursor?: string) => {
    const params = new URLSearchParams();
    if (query.action) params.set("action", query.action);
    if (query.person) params.set("person", query.person);
    if (cursor) params.set("cursor", cursor);
    const text = params.toString();
    return text ? `${PATH}?${text}` : PATH;
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { timeZone })}
        actions={
          <Link
            href="/dashboard/settings"
            className="text-sm font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900"
          >
            {t("backToSettings")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Section title={t("filters.title")}>
          <form method="get" action={PATH} className="flex flex-col gap-4 md:flex-row md:items-end">
            <AuditActionFilter
              label={t("filters.action")}
              anyLabel={t("filters.allActions")}
              value={query.action}
              className="md:max-w-md md:min-w-0 md:flex-1"
              groups={actionGroups}
              areaName={areaName}
              actionSentence={actionSentence}
              allInArea={(area) => t("filters.allInArea", { area })}
            />
            <FilterSelect
              id="audit-person"
              name="person"
              label={t("filters.person")}
              value={query.person}
              anyLabel={t("filters.everyone")}
              options={people}
              className="md:max-w-md md:min-w-0 md:flex-1"
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
                    {t("entries.who")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("entries.what")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("entries.target")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("entries.details")}
                  </th>
                </tr>
              </thead>
              <tbody className={st.tbody}>
                {page.entries.map((entry) => {
                  const target = targetText(entry.target);
                  const details = summarizeDetails(entry.details);
                  return (
                    <tr key={entry.id} className={`${st.tr} max-md:flex max-md:flex-col`}>
                      <td className={`${st.cell} text-stone-700 md:whitespace-nowrap`}>
                        <span className={st.label}>{t("entries.when")}:</span>
                        <time dateTime={entry.createdAt}>
                          {format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "medium", timeZone })}
                        </time>
                      </td>
                      <td className={st.cell}>
                        <span className={st.label}>{t("entries.who")}:</span>
                        <span className="font-medium text-stone-900">{actorName(entry.actor)}</span>
                        {entry.actor.kind === "user" && entry.actor.detail ? (
                          <span className="text-xs break-words text-stone-600 md:block"> {entry.actor.detail}</span>
                        ) : null}
                      </td>
                      <th scope="row" className={`${st.cell} font-semibold text-stone-900 max-md:order-first md:font-normal`}>
                        {actionSentence(entry.action)}
                      </th>
                      <td className={`${st.cell} text-stone-700 ${target ? "" : "max-md:hidden"}`}>
                        <span className={st.label}>{t("entries.target")}:</span>
                        {target ? (
                          <>
                            <span className="text-xs text-stone-600 md:block">{target.kind} </span>
                            {target.label ? <span className="break-words">{target.label}</span> : null}
                          </>
                        ) : (
                          <span aria-label={t("details.none")}>—</span>
                        )}
                      </td>
                      <td className={`${st.cell} text-stone-700 md:pr-0 ${details.length ? "" : "max-md:hidden"}`}>
                        <Details
                          items={details}
                          fieldName={fieldName}
                          valueText={valueText}
                          more={(count) => t("details.more", { count })}
                          to={t("details.to")}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {query.cursor || page.nextCursor ? (
            <nav
              aria-label={t("pagination.label")}
              className="mt-4 flex flex-wrap justify-between gap-3 border-t border-stone-200 pt-4 text-sm"
            >
              {query.cursor ? (
                <Link href={link()} className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
                  {t("pagination.newest")}
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link
                  href={link(page.nextCursor)}
                  className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900"
                >
                  {t("pagination.older")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Section>
      </div>
    </>
  );
}

function Details({
  items,
  fieldName,
  valueText,
  more,
  to,
}: {
  items: DetailItem[];
  to: string;
  fieldName: (field: string) => string;
  valueText: (field: string, value: DetailValue) => string;
  more: (count: number) => string;
}) {
  if (items.length === 0) return <span>—</span>;
  const line = (item: DetailItem) => (
    <li key={item.field} className="break-words">
      {item.field ? <span className="text-stone-600">{fieldName(item.field)}: </span> : null}
      {"value" in item ? (
        <span className="text-stone-900">{valueText(item.field, item.value)}</span>
      ) : (
        <>
          <span className="text-stone-600 line-through">{valueText(item.field, item.before)}</span>
          <span aria-hidden="true"> → </span>
          <span className="sr-only"> {to} </span>
          <span className="text-stone-900">{valueText(item.field, item.after)}</span>
        </>
      )}
    </li>
  );
  return (
    <ul className="space-y-0.5 text-xs">
      {items.slice(0, SHOWN_DETAILS).map(line)}
      {items.length > SHOWN_DETAILS ? (
        <li>
          <details>
            <summary className="cursor-pointer text-brand-700">{more(items.length - SHOWN_DETAILS)}</summary>
            <ul className="mt-1 space-y-0.5">{items.slice(SHOWN_DETAILS).map(line)}</ul>
          </details>
        </li>
      ) : null}
    </ul>
  );
}

/** The query string as filters: a value that is not valid is ignored rather than failing the page. */
function parseQuery(params: Record<string, string | string[] | undefined>): AuditLogQuery {
  const query: AuditLogQuery = {};
  for (const key of ["action", "person", "cursor"] as const) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!value) continue;
    const parsed = auditLogQuerySchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data) query[key] = parsed.data;
  }
  return query;
}
