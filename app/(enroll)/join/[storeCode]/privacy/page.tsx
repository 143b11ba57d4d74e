import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrandHeader } from "@/components/enroll/brand-header";
import { loadJoinProgram } from "../load-join-program";

type Props = { params: Promise<{ storeCode: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { storeCode } = await params;
  const target = await loadJoinProgram(storeCode);
  return { title: (await getTranslations("privacy.notice"))("title", { merchant: target.merchant.name }) };
}

/** The merchant's privacy notice for the loyalty card: what is kept, why, for how long, and the person's rights. */
export default async function PrivacyNoticePage({ params }: Props) {
  const { storeCode } = await params;
  const [target, t] = await Promise.all([loadJoinProgram(storeCode), getTranslations("privacy.notice")]);
  const { program, merchant } = target;
  const sections = ["controller", "data", "purpose", "consent", "retention", "rights", "complaint"] as const;
  return (
    <div className="space-y-5">
      <BrandHeader
        merchantName={merchant.name}
        title={t("title", { merchant: merchant.name })}
        colors={{ background: program.cardColor, foreground: program.foregroundColor, label: program.labelColor }}
        logoUrl={program.logoUrl}
      />
      <article className="space-y-4 rounded-2xl bg-white p-5 text-stone-800 shadow-sm">
        {sections.map((section) => (
          <section key={section}>
            <h2 className="font-semibold text-stone-900">{t(`${section}.title`)}</h2>
            <p className="mt-1">
              {t(`${section}.body`, { merchant: merchant.name, store: target.store.name, version: target.emailConsentVersion })}
            </p>
          </section>
        ))}
      </article>
      <p className="text-center">
        <Link href={`/join/${target.store.code}`} className="font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
