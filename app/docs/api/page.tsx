import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FieldTable } from "@/components/api-docs/field-table";
import { InlineCode } from "@/components/api-docs/inline-code";
import { MethodBadge } from "@/components/api-docs/method-badge";
import { SiteHeader } from "@/components/site-header";
import { getConfig } from "@/lib/config";
import { ERROR_STATUS } from "@/lib/errors";
import { buildApiReference } from "@/lib/http/openapi/reference-model";
import { setLocaleAction } from "../../locale-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

export default async function ApiReferencePage() {
  const t = await getTranslations("apiDocs");
  const sections = buildApiReference(getConfig().publicUrl);
  const labels = { field: t("field"), type: t("type"), required: t("required"), description: t("description"), yes: t("yes"), no: t("no") };
  return (
    <>
      <SiteHeader setLocaleAction={setLocaleAction} />
      <div className="mx-auto grid max-w-6xl gap-10 px-6 py-10 lg:grid-cols-[14rem_1fr]">
        <nav aria-label={t("onThisPage")} className="hidden lg:block">
          <div className="sticky top-6 space-y-5 text-sm">
            {sections.map((section) => (
              <div key={section.tag}>
                <p className="font-semibold text-stone-900">{section.tag}</p>
                <ul className="mt-2 space-y-1">
                  {section.operations.map((operation) => (
                    <li key={operation.anchor}>
                      <a href={`#${operation.anchor}`} className="text-stone-600 hover:text-brand-700">
                        {operation.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>

        <main id="content" className="min-w-0">
          <h1 className="text-3xl font-bold text-brand-900">{t("title")}</h1>
          <p className="mt-3 text-lg text-stone-700">{t("intro")}</p>
          <p className="mt-3">
            <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline">
              {t("openapiLink")}
            </a>
          </p>

          <section className="mt-10 space-y-6 rounded-xl border border-stone-200 bg-white p-6" aria-labelledby="basics">
            <h2 id="basics" className="sr-only">
              {t("basicsTitle")}
            </h2>
            <div>
              <h3 className="font-semibold">{t("authTitle")}</h3>
              <p className="mt-1 text-stone-700">{t("authBody")}</p>
              <pre className="mt-2 overflow-x-auto rounded bg-stone-900 p-3 text-sm text-stone-100">
                <code>{`curl -H "Authorization: Bearer lk_…" ${getConfig().publicUrl}/api/v1/vendor/loyalty/program`}</code>
              </pre>
            </div>
            <div>
              <h3 className="font-semibold">{t("idempotencyTitle")}</h3>
              <p className="mt-1 text-stone-700">{t("idempotencyBody")}</p>
            </div>
            <div>
              <h3 className="font-semibold">{t("paginationTitle")}</h3>
              <p className="mt-1 text-stone-700">{t("paginationBody")}</p>
            </div>
            <div>
              <h3 className="font-semibold">{t("errorsTitle")}</h3>
              <p className="mt-1 text-stone-700">{t("errorsBody")}</p>
              <ul className="mt-2 grid gap-x-6 gap-y-1 font-mono text-[13px] sm:grid-cols-2">
                {Object.entries(ERROR_STATUS).map(([code, status]) => (
                  <li key={code}>
                    <span className="text-stone-500">{status}</span> {code}
                  </li>
                ))}
              </ul>
            </div>
          </section>

          {sections.map((section) => (
            <section key={section.tag} className="mt-12" aria-labelledby={`tag-${section.tag}`}>
              <h2 id={`tag-${section.tag}`} className="text-2xl font-bold text-brand-900">
                {section.tag}
              </h2>
              {section.operations.map((operation) => (
                <article
                  key={operation.anchor}
                  id={operation.anchor}
                  className="mt-6 scroll-mt-6 rounded-xl border border-stone-200 bg-white p-6"
                >
                  <h3 className="flex flex-wrap items-center gap-3">
                    <MethodBadge method={operation.method} />
                    <code className="break-all font-mono text-sm text-stone-900">{operation.path}</code>
                  </h3>
                  <p className="mt-3 font-semibold">{operation.summary}</p>
                  {operation.description ? (
                    <p className="mt-1 text-stone-700">
                      <InlineCode text={operation.description} />
                    </p>
                  ) : null}
                  {operation.idempotent ? <p className="mt-2 text-sm text-emerald-800">{t("acceptsIdempotencyKey")}</p> : null}

                  {operation.parameters.length > 0 ? (
                    <div className="mt-5">
                      <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-500">{t("parameters")}</h4>
                      <FieldTable fields={operation.parameters} labels={labels} />
                    </div>
                  ) : null}
                  {operation.body.length > 0 ? (
                    <div className="mt-5">
                      <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-500">{t("requestBody")}</h4>
                      <FieldTable fields={operation.body} labels={labels} />
                    </div>
                  ) : null}
                  {operation.responses.map((response) => (
                    <div key={response.status} className="mt-5">
                      <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-500">
                        {t("response", { status: response.status })} —{" "}
                        <span className="normal-case tracking-normal">{response.description}</span>
                      </h4>
                      {response.fields.length > 0 ? <FieldTable fields={response.fields} labels={labels} /> : null}
                    </div>
                  ))}
                  <div className="mt-5">
                    <h4 className="text-sm font-semibold uppercase tracking-wide text-stone-500">{t("errors")}</h4>
                    <p className="mt-1 font-mono text-[13px] text-stone-700">
                      {operation.errors.map((error) => `${error.status} ${error.code}`).join(" · ")}
                    </p>
                  </div>
                </article>
              ))}
            </section>
          ))}
        </main>
      </div>
    </>
  );
}
