"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FieldErrors } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Privacy self-service on the card: download my data, email consent on or off, erase me (with an inline confirmation). */
export function PrivacyPanel({
  token,
  hasEmail,
  emailConsent,
  consentSince,
  setConsentAction,
  eraseAction,
}: {
  token: string;
  hasEmail: boolean;
  emailConsent: boolean;
  consentSince: string | null;
  setConsentAction: Action<{ emailConsent: boolean }>;
  eraseAction: Action<null>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const consent = useFormAction(setConsentAction);
  const erase = useFormAction(eraseAction);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (erase.state?.ok) router.refresh();
  }, [erase.state, router]);

  return (
    <div className="space-y-6">
      <div>
        <h3 className="font-semibold text-stone-900">{t("privacy.self.dataTitle")}</h3>
        <p className="mt-1 text-sm text-stone-600">{t("privacy.self.dataIntro")}</p>
        <a
          href={`/card/${token}/data.json`}
          download
          className="mt-2 inline-flex rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-stone-900 hover:bg-stone-100"
        >
          {t("privacy.self.download")}
        </a>
      </div>

      <div>
        <h3 className="font-semibold text-stone-900">{t("privacy.self.consentTitle")}</h3>
        <p className="mt-1 text-sm text-stone-700" aria-live="polite">
          {emailConsent ? t("privacy.self.consentOn", { date: consentSince ?? "" }) : t("privacy.self.consentOff")}
        </p>
        {consent.state && !consent.state.ok ? <FormMessage kind="error">{consent.state.message}</FormMessage> : null}
        <FieldErrors errors={consent.fieldErrors?.emailConsent} />
        {hasEmail || emailConsent ? (
          <form onSubmit={consent.onSubmit} className="mt-2">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="emailConsent" value={emailConsent ? "false" : "true"} />
            <SubmitButton variant="secondary" pending={consent.pending} pendingLabel={t("forms.saving")}>
              {emailConsent ? t("privacy.self.withdraw") : t("privacy.self.give")}
            </SubmitButton>
          </form>
        ) : (
          <p className="mt-1 text-sm text-stone-600">{t("privacy.self.noEmail")}</p>
        )}
      </div>

      <div>
        <h3 className="font-semibold text-stone-900">{t("privacy.self.eraseTitle")}</h3>
        <p className="mt-1 text-sm text-stone-600">{t("privacy.self.eraseIntro")}</p>
        {erase.state && !erase.state.ok ? <FormMessage kind="error">{erase.state.message}</FormMessage> : null}
        {confirming ? (
          <form onSubmit={erase.onSubmit} className="mt-2 space-y-3 rounded-xl border border-red-300 bg-red-50 p-4">
            <input type="hidden" name="token" value={token} />
            <div className="flex items-start gap-3">
              <input id="erase-confirm" name="confirm" type="checkbox" className="mt-1 h-5 w-5 shrink-0" />
              <label htmlFor="erase-confirm" className="text-sm text-red-950">
                {t("privacy.self.eraseConfirm")}
              </label>
            </div>
            <FieldErrors errors={erase.fieldErrors?.confirm} />
            <div className="flex flex-wrap gap-3">
              <SubmitButton variant="danger" pending={erase.pending} pendingLabel={t("privacy.self.erasing")}>
                {t("privacy.self.eraseSubmit")}
              </SubmitButton>
              <button
                type="button"
                onClick={() => setConfirming(false)}
                className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-stone-900"
              >
                {t("forms.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="mt-2 rounded-lg border border-red-300 bg-white px-4 py-2.5 font-semibold text-red-800 hover:bg-red-50"
          >
            {t("privacy.self.erase")}
          </button>
        )}
      </div>
    </div>
  );
}
