import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomerFormMessages } from "@/components/enroll/customer-form-messages";
import { findUnsubscribeTarget } from "@/lib/privacy/unsubscribe-customer";
import { unsubscribeAction } from "./actions";
import { UnsubscribeForm } from "./unsubscribe-form";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unsubscribe"))("title"), robots: { index: false, follow: false } };
}

/** The unsubscribe link of every customer email: signed, works without logging in, asks for one confirmation. */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const [target, t] = await Promise.all([findUnsubscribeTarget(token), getTranslations("unsubscribe")]);
  return (
    <section className="mt-4 space-y-4 rounded-2xl bg-white p-5 shadow-sm">
      <h1 className="text-2xl font-bold text-stone-900">{t("title")}</h1>
      {!target ? (
        <p role="alert" className="text-stone-800">
          {t("invalid")}
        </p>
      ) : target.subscribed ? (
        <>
          <p className="text-stone-800">{t("intro", { merchant: target.merchantName })}</p>
          <CustomerFormMessages namespaces={["unsubscribe"]}>
            <UnsubscribeForm token={token} action={unsubscribeAction} merchantName={target.merchantName} />
          </CustomerFormMessages>
        </>
      ) : (
        <p role="status" className="text-stone-800">
          {t("already", { merchant: target.merchantName })}
        </p>
      )}
    </section>
  );
}
