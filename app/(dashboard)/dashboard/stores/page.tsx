import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { requireMerchantUser } from "@/lib/auth/session";
import { listStores } from "@/lib/stores/list-stores";
import type { StoreView } from "@/lib/stores/store-view";
import { createStoreAction } from "./actions";
import { CreateStoreForm } from "./create-store-form";
import { StoreStatus } from "./store-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.stores"))("title") };
}

export default async function StoresPage() {
  const session = await requireMerchantUser();
  const [t, format, stores] = await Promise.all([getTranslations("dashboard.stores"), getFormatter(), listStores(session.ctx)]);
  const open = stores.filter((store) => !store.archived);
  const archived = stores.filter((store) => store.archived);
  const created = (store: StoreView) =>
    format.dateTime(new Date(store.createdAt), { dateStyle: "medium", timeZone: session.merchant.timeZone });

  const table = (rows: StoreView[], caption: string) => (
    <div className="-mx-5 overflow-x-auto sm:-mx-6">
      {/* Fixed columns: the open and the archived tables line up with each other. */}
      <table className="w-full min-w-[44rem] table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          <col className="w-[30%]" />
          <col className="w-[13%]" />
          <col className="w-[29%]" />
          <col className="w-[13%]" />
          <col className="w-[15%]" />
        </colgroup>
        <thead className="border-b border-stone-200 text-stone-600">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium sm:px-6">
              {t("table.name")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("table.code")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("table.joinUrl")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("table.status")}
            </th>
            <th scope="col" className="px-5 py-2 font-medium sm:px-6">
              {t("table.created")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((store) => (
            <tr key={store.id} className="align-top">
              <th scope="row" className="px-5 py-3 font-normal sm:px-6">
                <Link
                  href={`/dashboard/stores/${store.id}`}
                  className="font-semibold text-brand-800 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-700"
                >
                  {store.name}
                </Link>
                <span className="mt-0.5 block text-stone-600">{store.address ?? t("noAddress")}</span>
              </th>
              <td className="px-3 py-3 font-mono text-stone-900">{store.code}</td>
              <td className="px-3 py-3">
                <span className="break-all font-mono text-xs text-stone-700">{store.joinUrl}</span>
              </td>
              <td className="px-3 py-3">
                <StoreStatus archived={store.archived} label={t(store.archived ? "status.archived" : "status.open")} />
              </td>
              <td className="whitespace-nowrap px-5 py-3 text-stone-700 sm:px-6">{created(store)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Section id="open-stores" title={t("open.title")} description={t("open.description")}>
          {open.length > 0 ? (
            table(open, t("open.title"))
          ) : (
            <p className="text-stone-700">{t(archived.length > 0 ? "open.emptyWithArchived" : "open.empty")}</p>
          )}
        </Section>
        <Section id="new-store" title={t("create.title")} description={t("create.description")}>
          <CreateStoreForm action={createStoreAction} />
        </Section>
        {archived.length > 0 ? (
          <Section id="archived-stores" title={t("archived.title")} description={t("archived.description")}>
            {table(archived, t("archived.title"))}
          </Section>
        ) : null}
      </div>
    </>
  );
}
