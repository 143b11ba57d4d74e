"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field, FieldErrors } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<{ emailed: true }> | null, form: FormData) => Promise<ActionResult<{ emailed: true }>>;

/** The short enrollment form: every field optional, the consent box never pre-ticked, a honeypot for bots. */
export function EnrollForm({
  action,
  storeCode,
  merchantName,
  privacyHref,
}: {
  action: Action;
  storeCode: string;
  merchantName: string;
  privacyHref: string;
}) {
  const t = useTranslations();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  if (state?.ok) {
    return (
      <div role="status" className="rounded-2xl border border-emerald-300 bg-emerald-50 p-5 text-emerald-950">
        <h2 className="text-lg font-bold">{t("join.emailed.title")}</h2>
        <p className="mt-2">{t("join.emailed.body", { merchant: merchantName })}</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <input type="hidden" name="storeCode" value={storeCode} />
      <Field label={t("join.form.name")} name="name" autoComplete="given-name" maxLength={80} errors={fieldErrors?.name} />
      <Field
        label={t("join.form.email")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        hint={t("join.form.emailHint")}
        errors={fieldErrors?.email}
      />
      <Field label={t("join.form.phone")} name="phone" type="tel" autoComplete="tel" errors={fieldErrors?.phone} />
      <Field label={t("join.form.birthday")} name="birthday" type="date" autoComplete="bday" errors={fieldErrors?.birthday} />
      {/* Off-screen for people and out of the accessibility tree: a bot that fills every field gives itself away. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="field-website">{t("join.form.website")}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <div>
        <div className="flex items-start gap-3">
          <input
            id="field-emailConsent"
            name="emailConsent"
            type="checkbox"
            className="mt-1 h-5 w-5 shrink-0 rounded border-stone-400 text-brand-700 focus:ring-2 focus:ring-brand-200"
            aria-describedby="field-emailConsent-privacy"
          />
          <label htmlFor="field-emailConsent" className="text-sm text-stone-800">
            {t("join.consentText", { merchant: merchantName })}
          </label>
        </div>
        <p id="field-emailConsent-privacy" className="ml-8 mt-1 text-sm">
          <Link href={privacyHref} className="font-medium text-brand-700 underline">
            {t("join.form.privacy")}
          </Link>
        </p>
        <FieldErrors errors={fieldErrors?.emailConsent} />
      </div>
      <SubmitButton className="w-full py-3 text-lg" pending={pending} pendingLabel={t("join.form.submitting")}>
        {t("join.form.submit")}
      </SubmitButton>
    </form>
  );
}
