import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { readHeldCards } from "@/lib/auth/held-cards";
import { getCollectView } from "@/lib/counter/get-collect-view";
import { collectStampAction } from "./actions";
import { CollectStamp } from "./collect-stamp";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customerCollect"))("title"), robots: { index: false } };
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <main id="content" className="mx-auto min-h-screen w-full max-w-md space-y-5 bg-stone-100 px-4 py-8">
      {children}
    </main>
  );
}

/** A customer who opened a store's QR on a phone that holds their card: a stamp, with a staff member's PIN typed here. */
export default async function CollectPage({ params }: { params: Promise<{ storeCode: string }> }) {
  const { storeCode } = await params;
  const [t, messages, held] = await Promise.all([getTranslations("customerCollect"), getMessages(), readHeldCards()]);
  const view = await getCollectView(storeCode.slice(0, 40), held);
  if (view.status !== "ok") {
    return (
      <Frame>
        <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
        <p role="alert" className="text-lg text-stone-800">
          {t("unknownStore")}
        </p>
      </Frame>
    );
  }
  const header = (
    <header>
      <p className="text-base text-stone-700">{t("place", { store: view.store.name, merchant: view.merchant.name })}</p>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
    </header>
  );
  if (!view.card) {
    return (
      <Frame>
        {header}
        <p className="text-lg text-stone-800">{t("noCard", { merchant: view.merchant.name })}</p>
        <Link
          href={`/join/${view.store.code}`}
          className="flex min-h-14 items-center justify-center rounded-xl bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-brand-600"
        >
          {t("join", { merchant: view.merchant.name })}
        </Link>
      </Frame>
    );
  }
  if (!view.program?.stamps || view.merchant.suspended) {
    return (
      <Frame>
        {header}
        <p role="alert" className="text-lg text-stone-800">
          {view.merchant.suspended ? (messages.errors as Record<string, string>).MERCHANT_SUSPENDED : t("noStamps")}
        </p>
      </Frame>
    );
  }
  return (
    <Frame>
      {header}
      <NextIntlClientProvider messages={{ customerCollect: messages.customerCollect }}>
        <CollectStamp
          storeCode={view.store.code}
          storeName={view.store.name}
          timeZone={view.merchant.timeZone}
          card={view.card}
          program={{ stampsTarget: view.program.stampsTarget, stampsRewardDescription: view.program.stampsRewardDescription }}
          action={collectStampAction}
        />
      </NextIntlClientProvider>
    </Frame>
  );
}
