import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { inputClassName } from "@/components/forms/field";
import { ButtonLink } from "@/components/ui/button-link";
import { requireMerchantUser } from "@/lib/auth/session";
import { listCustomers, type CustomerListRow } from "@/lib/customers/list-customers";
import { customerListQuerySchema, type CustomerListQuery } from "@/lib/customers/schemas";
import { formatCardNumber } from "@/lib/domain/card-number";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.customers"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = ["reward", "inactive", "consent"] as const;

/** The link to this page with the same search and filters, starting after `after` (or at the newest card). */
function pageHref(query: CustomerListQuery, after?: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const filter of FILTERS) if (query[filter]) params.set(filter, "1");
  if (after) params.set("after", after);
  const text = params.toString();
  return text ? `/dashboard/customers?${text}` : "/dashboard/customers";
}

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireMerchantUser();
  const parsed = customerListQuerySchema.safeParse(await searchParams);
  const query: CustomerListQuery = parsed.success ? parsed.data : { reward: false, inactive: false, consent: false };
  const [t, format, list] = await Promise.all([getTranslations("dashboard.customers"), getFormatter(), listCustomers(session.ctx, query)]);
  const timeZone = session.merchant.timeZone;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });

  if (!list.program) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState title={t("noProgram.title")} body={t("noProgram.body")}>
          <ButtonLink href="/dashboard/program">{t("noProgram.action")}</ButtonLink>
        </EmptyState>
      </>
    );
  }
  const { program } = list;

  const balance = (row: CustomerListRow) => (
    <div className="space-y-0.5">
      {usesStamps(program.type) ? <div>{t("list.stamps", { count: row.stampCount, target: program.stampsTarget })}</div> : null}
      {usesPoints(program.type) ? <div>{t("list.points", { count: row.pointsBalance })}</div> : null}
      {row.rewardAvailable ? (
        <span className="inline-block rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
          {t("list.rewardAvailable")}
        </span>
      ) : null}
    </div>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />

      <form
        method="get"
        action="/dashboard/customers"
        role="search"
        className="mb-6 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <label htmlFor="customer-search" className="block text-sm font-medium text-stone-800">
          {t("search.label")}
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder={t("search.placeholder")}
            maxLength={100}
            autoComplete="off"
            className={`${inputClassName} mt-0 sm:flex-1`}
          />
          <button
            type="submit"
            className="inline-flex items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900"
          >
            {t("search.submit")}
          </button>
        </div>
        <fieldset className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2">
          <legend className="float-left mr-1 text-sm font-medium text-stone-700">{t("search.filters")}</legend>
          {FILTERS.map((filter) => (
            <label key={filter} className="inline-flex items-center gap-2 text-sm text-stone-800">
              <input
                type="checkbox"
                name={filter}
                value="1"
                defaultChecked={query[filter]}
                className="h-4 w-4 rounded border-stone-400 text-brand-700 focus:ring-brand-200"
              />
              {t(`search.${filter}`)}
            </label>
          ))}
          {list.narrowed ? (
            <Link href="/dashboard/customers" className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
              {t("search.clear")}
            </Link>
          ) : null}
        </fieldset>
      </form>

      <p role="status" className="mb-3 text-sm text-stone-700">
        {list.rows.length > 0 || list.partial ? t("list.shown", { count: list.rows.length }) : null}
        {list.rows.length > 0 && !list.narrowed && list.totalCards > 0 ? <> · {t("list.total", { count: list.totalCards })}</> : null}
      </p>

      {list.rows.length === 0 && !list.partial ? (
        list.narrowed || query.after ? (
          <EmptyState title={t("noMatch.title")} body={t("noMatch.body")} />
        ) : (
          <EmptyState title={t("empty.title")} body={t("empty.body")} />
        )
      ) : null}

      {list.rows.length > 0 ? (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-stone-200 text-sm">
            <caption className="sr-only">{t("list.caption")}</caption>
            <thead className="bg-stone-50 text-left text-xs font-semibold uppercase tracking-wide text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("list.customer")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("list.contact")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("list.cardNumber")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("list.balance")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("list.lastActivity")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("list.consent")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {list.rows.map((row) => (
                <tr key={row.cardNumber} className="align-top hover:bg-stone-50">
                  <th scope="row" className="px-4 py-3 text-left font-normal">
                    <Link
                      href={`/dashboard/customers/${row.cardNumber}`}
                      className="font-semibold text-brand-900 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700"
                    >
                      {row.person ? (row.person.name ?? t("list.noName")) : t("list.erased")}
                    </Link>
                  </th>
                  <td className="px-4 py-3 text-stone-700">
                    {row.person?.email ? <Email address={row.person.email} /> : null}
                    {row.person?.phone ? <div className="whitespace-nowrap">{row.person.phone}</div> : null}
                    {!row.person?.email && !row.person?.phone ? <span className="text-stone-500">—</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-stone-800">{formatCardNumber(row.cardNumber)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-stone-800">{balance(row)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-stone-700">
                    {row.lastActivityAt ? when(row.lastActivityAt) : t("list.never")}
                  </td>
                  <td className="px-4 py-3 text-stone-700">
                    {row.person?.emailConsent ? (
                      t("list.consentYes")
                    ) : (
                      <span className="text-stone-500">{row.person ? t("list.consentNo") : "—"}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {list.partial && list.scannedTo ? (
        <p className="mt-4 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          {t("list.partial", { count: list.rows.length, date: format.dateTime(list.scannedTo, { dateStyle: "medium", timeZone }) })}
        </p>
      ) : null}

      {list.nextCursor || query.after ? (
        <nav aria-label={t("list.pagination")} className="mt-4 flex flex-wrap gap-3">
          {query.after ? (
            <ButtonLink href={pageHref(query)} variant="secondary" className="px-4 py-2 text-sm">
              {t("list.firstPage")}
            </ButtonLink>
          ) : null}
          {list.nextCursor ? (
            <ButtonLink href={pageHref(query, list.nextCursor)} variant="secondary" className="px-4 py-2 text-sm" rel="next">
              {list.partial ? t("list.keepLooking") : t("list.nextPage")}
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

function EmptyState({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
      <h2 className="text-lg font-semibold text-stone-900">{title}</h2>
      <p className="mx-auto mt-2 max-w-md text-stone-700">{body}</p>
      {children ? <div className="mt-5">{children}</div> : null}
    </div>
  );
}

/** A long address wraps after its local part rather than in the middle of a word. */
function Email({ address }: { address: string }) {
  const at = address.indexOf("@");
  if (at < 0) return <div className="break-words">{address}</div>;
  return (
    <div className="break-words">
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </div>
  );
}
