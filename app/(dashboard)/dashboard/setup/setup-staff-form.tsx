"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { PinField } from "@/components/staff/pin-field";
import type { ActionResult } from "@/lib/actions/action-result";

type Created = { name: string; pin: string };
type Action = (previous: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;

/** The first staff member and their PIN, shown once after saving, then on to the poster. */
export function SetupStaffForm({ action, storeId }: { action: Action; storeId: string }) {
  const t = useTranslations("dashboard.setup.staff");
  const tForms = useTranslations("forms");
  const router = useRouter();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);

  if (state?.ok) {
    return (
      <div className="max-w-xl space-y-5">
        <div role="status" className="rounded-xl border-2 border-brand-600 bg-brand-50 p-5">
          <p className="font-semibold text-brand-900">{t("created", { name: state.data.name })}</p>
          <p
            className="mt-3 font-mono text-4xl font-bold tracking-[0.3em] text-stone-900"
            aria-label={t("pinIs", { pin: state.data.pin.split("").join(" ") })}
          >
            {state.data.pin}
          </p>
          <p className="mt-3 text-sm text-stone-700">{t("shownOnce")}</p>
        </div>
        <button
          type="button"
          onClick={() => router.refresh()}
          className="inline-flex items-center justify-center rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-900"
        >
          {t("continue")}
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <input type="hidden" name="storeIds" value={storeId} />
      <Field label={t("name")} name="name" required maxLength={80} autoComplete="off" errors={fieldErrors?.name} />
      <PinField label={t("pin")} hint={t("pinHint")} generateLabel={t("suggest")} generatedNotice={t("suggested")} errors={fieldErrors?.pin} />
      {fieldErrors?.storeIds ? <FormMessage kind="error">{fieldErrors.storeIds.join(" ")}</FormMessage> : null}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} pendingLabel={tForms("saving")}>
          {t("submit")}
        </SubmitButton>
        <Link href="/dashboard/setup?step=poster" className="text-sm font-medium text-stone-700 underline">
          {t("skip")}
        </Link>
      </div>
    </form>
  );
}
