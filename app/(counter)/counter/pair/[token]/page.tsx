import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { systemClock } from "@/lib/clock";
import { COUNTER_DEVICE_COOKIE, findDeviceByCredential } from "@/lib/devices/device-credential";
import { findPairingLink } from "@/lib/devices/find-pairing-link";
import { pairDeviceAction } from "./actions";
import { PairDeviceForm } from "./pair-device-form";

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the URL: no Referer carries it to another site.
  return { title: (await getTranslations("counterPairing"))("title"), referrer: "no-referrer", robots: { index: false } };
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="content" className="mx-auto flex min-h-screen w-full max-w-lg flex-col justify-center px-4 py-10">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
        <div className="mt-5 space-y-4">{children}</div>
      </div>
    </main>
  );
}

/** What a tablet sees when it opens a pairing link from the dashboard. */
export default async function PairTabletPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const now = systemClock.now();
  const [t, link, cookieStore] = await Promise.all([getTranslations("counterPairing"), findPairingLink(token, systemClock), cookies()]);
  const current = await findDeviceByCredential(cookieStore.get(COUNTER_DEVICE_COOKIE)?.value, now);
  const pairedHere = current ? t("paired", { store: current.store.name, merchant: current.merchant.name }) : null;

  if (link.status !== "open") {
    return (
      <Panel title={t("title")}>
        {/* A tablet that just used this link and is reloaded sees what it is paired to, not an error. */}
        {pairedHere ? <FormMessage kind="success">{pairedHere}</FormMessage> : null}
        <FormMessage kind={pairedHere ? "info" : "error"}>{t(`link.${link.status}`)}</FormMessage>
      </Panel>
    );
  }
  return (
    <Panel title={t("title")}>
      <p className="text-stone-700">{t("intro", { store: link.storeName, merchant: link.merchantName })}</p>
      {current ? (
        <FormMessage kind="info">{t("alreadyPaired", { store: current.store.name, merchant: current.merchant.name })}</FormMessage>
      ) : null}
      <PairDeviceForm action={pairDeviceAction} token={token} />
    </Panel>
  );
}
