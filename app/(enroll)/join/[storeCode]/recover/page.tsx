import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrandHeader } from "@/components/enroll/brand-header";
import { CustomerFormMessages } from "@/components/enroll/customer-form-messages";
import { loadJoinProgram } from "../load-join-program";
import { requestRecoveryCodeAction, verifyRecoveryCodeAction } from "./actions";
import { RecoverForm } from "./recover-form";

type Props = { params: Promise<{ storeCode: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cardRecovery"))("title") };
}

/** "I already have a card": the card on a new phone, with an emailed one-time code. */
export default async function RecoverPage({ params }: Props) {
  const { storeCode } = await params;
  const [target, t] = await Promise.all([loadJoinProgram(storeCode), getTranslations("cardRecovery")]);
  const { program } = target;
  return (
    <div className="space-y-5">
      <BrandHeader
        merchantName={target.merchant.name}
        title={t("title")}
        colors={{ background: program.cardColor, foreground: program.foregroundColor, label: program.labelColor }}
        logoUrl={program.logoUrl}
      />
      <section className="rounded-2xl bg-white p-5 shadow-sm">
        <p className="mb-4 text-stone-700">{t("intro")}</p>
        <CustomerFormMessages namespaces={["cardRecovery"]}>
          <RecoverForm storeCode={target.store.code} requestAction={requestRecoveryCodeAction} verifyAction={verifyRecoveryCodeAction} />
        </CustomerFormMessages>
      </section>
      <p className="text-center">
        <Link href={`/join/${target.store.code}`} className="font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
