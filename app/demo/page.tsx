import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { ButtonLink } from "@/components/ui/button-link";
import { getDemoOverview } from "@/lib/demo/get-demo-overview";
import { setLocaleAction } from "../locale-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("demo");
  return { title: t("metaTitle") };
}

export default async function DemoPage() {
  const [t, demo] = await Promise.all([getTranslations("demo"), getDemoOverview()]);
  return (
    <>
      <SiteHeader setLocaleAction={setLocaleAction} />
      <main id="content" className="mx-auto max-w-4xl px-6 py-12">
        <h1 className="text-3xl font-bold text-brand-900">{t("title")}</h1>
        {!demo ? (
          <section className="mt-8 rounded-xl border border-amber-300 bg-amber-50 p-6" aria-labelledby="not-seeded">
            <h2 id="not-seeded" className="text-lg font-semibold">
              {t("notSeededTitle")}
            </h2>
            <p className="mt-2 text-stone-800">
              {t.rich("notSeededBody", {
                command: (chunks) => <code className="rounded bg-white px-1.5 py-0.5 font-mono text-sm">{chunks}</code>,
              })}
            </p>
          </section>
        ) : (
          <>
            <p className="mt-4 text-lg text-stone-700">{t("intro", { customers: demo.customers })}</p>

            <section className="mt-10 rounded-xl border border-stone-200 bg-white p-6" aria-labelledby="login">
              <h2 id="login" className="text-xl font-semibold">
                {t("loginTitle")} — {demo.merchantName}
              </h2>
              <p className="mt-2 text-stone-700">{t("loginBody")}</p>
              <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
                <dt className="font-medium text-stone-600">{t("email")}</dt>
                <dd className="font-mono" data-testid="demo-email">
                  {demo.ownerEmail}
                </dd>
                <dt className="font-medium text-stone-600">{t("password")}</dt>
                <dd className="font-mono" data-testid="demo-password">
                  {demo.ownerPassword}
                </dd>
              </dl>
              <ButtonLink href="/login" className="mt-6">
                {t("openLogin")}
              </ButtonLink>
            </section>

            <section className="mt-8" aria-labelledby="stores">
              <h2 id="stores" className="text-xl font-semibold">
                {t("storesTitle")}
              </h2>
              <p className="mt-2 text-stone-700">{t("storesBody")}</p>
              <ul className="mt-4 grid gap-4 sm:grid-cols-2">
                {demo.stores.map((store) => (
                  <li key={store.code} className="rounded-xl border border-stone-200 bg-white p-5">
                    <p className="font-semibold">{store.name}</p>
                    <p className="text-sm text-stone-600">{t("storeCode", { code: store.code })}</p>
                    <p className="mt-3 flex flex-wrap gap-4 text-sm font-medium">
                      <a className="text-brand-700 underline" href={`/join/${store.code}`}>
                        {t("joinLink")}
                      </a>
                      <a className="text-brand-700 underline" href={`/counter/${store.code}`}>
                        {t("counterLink")}
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
            </section>

            <section className="mt-8" aria-labelledby="staff">
              <h2 id="staff" className="text-xl font-semibold">
                {t("staffTitle")}
              </h2>
              <p className="mt-2 text-stone-700">{t("staffBody")}</p>
              <table className="mt-4 w-full max-w-md overflow-hidden rounded-xl border border-stone-200 bg-white text-left">
                <thead className="bg-stone-100 text-sm text-stone-700">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      {t("staffName")}
                    </th>
                    <th scope="col" className="px-4 py-2">
                      {t("pin")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {demo.staff.map((member) => (
                    <tr key={member.name} className="border-t border-stone-200">
                      <td className="px-4 py-2">{member.name}</td>
                      <td className="px-4 py-2 font-mono">{member.pin}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </main>
    </>
  );
}
