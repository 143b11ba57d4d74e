import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forbidden"))("title") };
}

/** What forbidden() shows, with HTTP 403: a manager on an owner-only page, for example. */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main id="content" className="mx-auto flex max-w-xl flex-col items-start px-6 py-24">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-3xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-4 text-stone-700">{t("body")}</p>
      <ButtonLink href="/dashboard" className="mt-8">
        {t("back")}
      </ButtonLink>
    </main>
  );
}
