import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { systemClock } from "@/lib/clock";
import { checkStaffSession } from "@/lib/counter/check-staff-session";
import { getCounterScreen } from "@/lib/counter/get-counter-screen";
import { COUNTER_STAFF_COOKIE } from "@/lib/counter/staff-session-credential";
import { COUNTER_DEVICE_COOKIE, findDeviceByCredential } from "@/lib/devices/device-credential";
import { counterOperationAction, findCardAction, lockAction, searchCardsAction, unlockAction } from "./actions";
import { CounterScreen } from "./counter-screen";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("counter"))("title"), robots: { index: false } };
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="content" className="mx-auto flex min-h-screen w-full max-w-xl flex-col justify-center px-4 py-10">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
        <div className="mt-5 space-y-4 text-lg text-stone-800">{children}</div>
      </div>
    </main>
  );
}

/** The counter of the paired tablet's store; an unpaired tablet is told how to pair. */
export default async function CounterPage() {
  const t = await getTranslations("counter");
  const cookieStore = await cookies();
  const device = await findDeviceByCredential(cookieStore.get(COUNTER_DEVICE_COOKIE)?.value, systemClock.now());
  if (!device) {
    return (
      <Panel title={t("unpaired.title")}>
        <p>{t("unpaired.body")}</p>
        <ol className="list-decimal space-y-2 pl-6">
          <li>{t("unpaired.step1")}</li>
          <li>{t("unpaired.step2")}</li>
          <li>{t("unpaired.step3")}</li>
        </ol>
      </Panel>
    );
  }
  const screen = await getCounterScreen(device, systemClock);
  if (screen.merchant.suspended) {
    return (
      <Panel title={screen.store.name}>
        <p role="alert">{t("suspended")}</p>
      </Panel>
    );
  }
  if (screen.store.archived || !screen.program) {
    return (
      <Panel title={screen.store.name}>
        <p role="alert">{screen.store.archived ? t("archived") : t("noProgram")}</p>
      </Panel>
    );
  }
  const session = await checkStaffSession(device, cookieStore.get(COUNTER_STAFF_COOKIE)?.value, systemClock, { touch: false });
  return (
    <CounterScreen
      screen={screen}
      initialStaff={session?.staff ?? null}
      actions={{
        findCard: findCardAction,
        searchCards: searchCardsAction,
        unlock: unlockAction,
        lock: lockAction,
        operate: counterOperationAction,
      }}
    />
  );
}
