import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="content" className="mx-auto flex max-w-xl flex-col items-start px-6 py-24">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-4 text-stone-700">{t("body")}</p>
      <ButtonLink href="/" className="mt-8">
        {t("home")}
      </ButtonLink>
    </main>
  );
}
