import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { SetupSteps } from "@/components/setup/setup-steps";
import { ButtonLink } from "@/components/ui/button-link";
import { requireMerchantUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { getSetupProgress } from "@/lib/merchants/get-setup-progress";
import { setUpProgramAction, setUpStaffAction, setUpStoreAction } from "./actions";
import { SetupProgramForm } from "./setup-program-form";
import { SetupStaffForm } from "./setup-staff-form";
import { SetupStoreForm } from "./setup-store-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.setup"))("title") };
}

/**
 * The guided setup after sign up: program → first store → first staff PIN →
 * the store's poster. The step shown is the first one not done yet, so the
 * page can be left and picked up again; ?step=poster skips the staff step.
 */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const [{ ctx, merchant }, { step }, t] = await Promise.all([requireMerchantUser(), searchParams, getTranslations("dashboard.setup")]);
  const progress = await getSetupProgress(ctx);
  const current = !progress.program ? 0 : !progress.firstStore ? 1 : !progress.hasStaff && step !== "poster" ? 2 : 3;
  const steps = [t("steps.program"), t("steps.store"), t("steps.staff"), t("steps.poster")];

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <SetupSteps steps={steps} current={current} label={t("stepsLabel")} />
      {current === 0 ? (
        <Section title={t("program.title")} description={t("program.description")}>
          <SetupProgramForm
            action={setUpProgramAction}
            defaultCardName={t("program.defaultCardName", { merchant: merchant.name })}
            defaultsNote={t("program.defaults", {
              cooldown: getConfig().loyalty.defaultCooldownMinutes,
              daily: getConfig().loyalty.maxDailyStamps,
            })}
          />
        </Section>
      ) : null}
      {current === 1 ? (
        <Section title={t("store.title")} description={t("store.description")}>
          <SetupStoreForm action={setUpStoreAction} />
        </Section>
      ) : null}
      {current === 2 && progress.firstStore ? (
        <Section title={t("staff.title")} description={t("staff.description", { store: progress.firstStore.name })}>
          <SetupStaffForm action={setUpStaffAction} storeId={progress.firstStore.id} />
        </Section>
      ) : null}
      {current === 3 && progress.firstStore ? (
        <Section title={t("poster.title")} description={t("poster.description", { store: progress.firstStore.name })}>
          <div className="grid gap-6 md:grid-cols-[minmax(0,20rem)_1fr]">
            {/* eslint-disable-next-line @next/next/no-img-element -- a generated image behind the session, not a static asset */}
            <img
              src={`/dashboard/stores/${progress.firstStore.id}/poster.png`}
              alt={t("poster.alt", { store: progress.firstStore.name })}
              className="w-full rounded-lg border border-stone-200 shadow-sm"
              width={1240}
              height={1755}
            />
            <div className="space-y-4">
              <p className="text-stone-700">{t("poster.joinUrl")}</p>
              <p className="break-all rounded-lg bg-stone-100 px-3 py-2 font-mono text-sm">{progress.firstStore.joinUrl}</p>
              <div className="flex flex-wrap gap-3">
                <ButtonLink href={`/dashboard/stores/${progress.firstStore.id}/poster.pdf?download=1`} prefetch={false}>
                  {t("poster.pdf")}
                </ButtonLink>
                <ButtonLink href={`/dashboard/stores/${progress.firstStore.id}/poster.png?download=1`} prefetch={false} variant="secondary">
                  {t("poster.png")}
                </ButtonLink>
              </div>
              <p className="text-stone-700">{t("poster.next")}</p>
              <ButtonLink href="/dashboard" variant="secondary">
                {t("poster.done")}
              </ButtonLink>
            </div>
          </div>
        </Section>
      ) : null}
    </>
  );
}
