import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { FilterActions } from "@/components/forms/filter-actions";
import { FilterSelect } from "@/components/forms/filter-select";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { listOutboxProblems } from "@/lib/admin/list-outbox-problems";
import { outboxQuerySchema } from "@/lib/admin/schemas";
import { requirePlatformAdmin } from "@/lib/auth/session";
import { EVENT_TYPES } from "@/lib/jobs/event-types";
import { stackedTable as st } from "../../../(dashboard)/dashboard/settings/stacked-table";
import { parseQueryParams, withQuery } from "../query-params";
import { discardOutboxEventAction, retryOutboxEventAction } from "./actions";
import { OutboxRowActions } from "./outbox-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.outbox"))("title") };
}

const PATH = "/admin/outbox";
const KNOWN_TYPES: string[] = Object.values(EVENT_TYPES);

/** Wallet updates and emails whose delivery fails: still retried, or dead after every attempt; retry or discard each. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requirePlatformAdmin();
  const query = parseQueryParams(outboxQuerySchema, await searchParams);
  const [page, t, format] = await Promise.all([listOutboxProblems(ctx, query), getTranslations("admin.outbox"), getFormatter()]);
  const filtered = !!(query.status || query.kind);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const typeName = (type: string) => (KNOWN_TYPES.includes(type) ? t(`types.${type.replaceAll(".", "_")}`) : type);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { failing: format.number(page.counts.failing), dead: format.number(page.counts.dead) })}
      />
      <div className="space-y-6">
        <Section title={t("filters.title")}>
          <form method="get" action={PATH} className="flex flex-col gap-4 md:flex-row md:items-end">
            <FilterSelect
              id="outbox-status"
              name="status"
              label={t("filters.status")}
              value={query.status}
              anyLabel={t("filters.anyStatus")}
              options={(["failing", "dead"] as const).map((state) => ({ value: state, label: t(`states.${state}`) }))}
            />
            <FilterSelect
              id="outbox-kind"
              name="kind"
              label={t("filters.kind")}
              value={query.kind}
              anyLabel={t("filters.anyKind")}
              options={(["wallet", "mail", "stats"] as const).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            />
            <FilterActions submitLabel={t("filters.submit")} clearLabel={t("filters.clear")} clearHref={PATH} filtered={filtered} />
          </form>
        </Section>
        <Section title={t("list.title")} description={t("list.description")}>
          {page.events.length === 0 ? (
            <p className="text-sm text-stone-600">{filtered ? t("list.noneMatching") : t("list.none")}</p>
          ) : (
            <table className={st.table}>
              <caption className="sr-only">{t("list.caption")}</caption>
              <thead className={st.thead}>
                <tr>
                  <th scope="col" className={st.th}>
                    {t("list.delivery")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("list.merchant")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("list.state")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("list.error")}
                  </th>
                  <th scope="col" className={st.th}>
                    <span className="sr-only">{t("list.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className={st.tbody}>
                {page.events.map((event) => (
                  <tr key={event.id} className={st.tr}>
                    <th scope="row" className={`${st.cell} font-normal`}>
                      <span className="font-semibold text-stone-900">{typeName(event.type)}</span>
                      <span className="block text-xs text-stone-600">{t("list.created", { date: when(event.createdAt) })}</span>
                    </th>
                    <td className={st.cell}>
                      <span className={st.label}>{t("list.merchant")}:</span>
                      {event.merchant ? (
                        <Link href={`/admin/merchants/${event.merchant.id}`} className="text-brand-700 underline underline-offset-2">
                          {event.merchant.name}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className={`${st.cell} text-stone-700`}>
                      <span className={st.label}>{t("list.state")}:</span>
                      <span className={event.state === "dead" ? "font-semibold text-red-800" : "font-semibold text-amber-800"}>
                        {t(`states.${event.state}`)}
                      </span>
                      <span className="block text-xs text-stone-600">
                        {t("list.attempts", { count: event.attempts })}
                        {event.nextAttemptAt ? ` · ${t("list.next", { date: when(event.nextAttemptAt) })}` : ""}
                      </span>
                    </td>
                    <td className={`${st.cell} max-w-md`}>
                      <span className={st.label}>{t("list.error")}:</span>
                      <code className="text-xs break-words whitespace-pre-wrap text-red-900">{event.lastError ?? "—"}</code>
                    </td>
                    <td className={st.cell}>
                      <OutboxRowActions
                        eventId={event.id}
                        retry={retryOutboxEventAction}
                        discard={discardOutboxEventAction}
                        label={`${typeName(event.type)}, ${event.merchant?.name ?? ""}, ${when(event.createdAt)}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {query.cursor || page.nextCursor ? (
            <nav aria-label={t("list.pages")} className="mt-4 flex flex-wrap justify-between gap-3 border-t border-stone-200 pt-4 text-sm">
              {query.cursor ? (
                <Link href={withQuery(PATH, { status: query.status, kind: query.kind })} className="font-semibold text-brand-700 underline">
                  {t("list.first")}
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link
                  href={withQuery(PATH, { status: query.status, kind: query.kind, cursor: page.nextCursor })}
                  className="font-semibold text-brand-700 underline"
                >
                  {t("list.older")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Section>
      </div>
    </>
  );
}
