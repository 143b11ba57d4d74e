import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { StampCardPreview } from "@/components/stamp-card-preview";
import { ButtonLink } from "@/components/ui/button-link";
import { setLocaleAction } from "./locale-actions";

const FEATURES = ["stamps", "wallets", "counter", "antifraud", "privacy", "selfHost"] as const;
const STEPS = ["scan", "wallet", "stamp"] as const;
const AUDIENCE = ["cafe", "chain", "developer"] as const;

export default async function LandingPage() {
  const t = await getTranslations("landing");
  return (
    <>
      <SiteHeader setLocaleAction={setLocaleAction} />
      <main id="content">
        <section className="bg-gradient-to-b from-brand-50 to-stone-50">
          <div className="mx-auto grid max-w-6xl items-center gap-12 px-6 py-16 md:grid-cols-2 md:py-24">
            <div>
              <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("eyebrow")}</p>
              <h1 className="mt-3 text-4xl font-bold tracking-tight text-brand-900 md:text-5xl">{t("title")}</h1>
              <p className="mt-5 text-lg text-stone-700">{t("subtitle")}</p>
              <div className="mt-8 flex flex-wrap gap-3">
                <ButtonLink href="/login">{t("ctaLogin")}</ButtonLink>
                <ButtonLink href="/demo" variant="secondary">
                  {t("ctaDemo")}
                </ButtonLink>
              </div>
            </div>
            <div className="flex justify-center md:justify-end">
              <StampCardPreview
                label={t("cardPreview.label")}
                name={t("cardPreview.name")}
                progressText={t("cardPreview.progress")}
                rewardText={t("cardPreview.reward")}
                stamps={7}
                target={10}
              />
            </div>
          </div>
        </section>

        <section aria-labelledby="features" className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="features" className="text-2xl font-bold text-brand-900">
            {t("featuresTitle")}
          </h2>
          <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map((feature) => (
              <li key={feature} className="rounded-xl border border-stone-200 bg-white p-6">
                <h3 className="font-semibold text-stone-900">{t(`features.${feature}.title`)}</h3>
                <p className="mt-2 text-stone-700">{t(`features.${feature}.body`)}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="how" className="bg-white">
          <div className="mx-auto max-w-6xl px-6 py-16">
            <h2 id="how" className="text-2xl font-bold text-brand-900">
              {t("howTitle")}
            </h2>
            <ol className="mt-8 grid gap-6 md:grid-cols-3">
              {STEPS.map((step, index) => (
                <li key={step} className="flex gap-4">
                  <span
                    aria-hidden="true"
                    className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-white"
                  >
                    {index + 1}
                  </span>
                  <div>
                    <h3 className="font-semibold">{t(`steps.${step}.title`)}</h3>
                    <p className="mt-1 text-stone-700">{t(`steps.${step}.body`)}</p>
                  </div>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section aria-labelledby="audience" className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="audience" className="text-2xl font-bold text-brand-900">
            {t("audienceTitle")}
          </h2>
          <ul className="mt-8 grid gap-6 md:grid-cols-3">
            {AUDIENCE.map((who) => (
              <li key={who} className="rounded-xl bg-brand-50 p-6">
                <h3 className="font-semibold text-brand-900">{t(`audience.${who}.title`)}</h3>
                <p className="mt-2 text-stone-700">{t(`audience.${who}.body`)}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="border-t border-stone-200 bg-white">
        <p className="mx-auto max-w-6xl px-6 py-8 text-sm text-stone-600">{t("footer")}</p>
      </footer>
    </>
  );
}
