"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Paired = { deviceName: string; storeName: string; merchantName: string };
type Action = (previous: ActionResult<Paired> | null, form: FormData) => Promise<ActionResult<Paired>>;

/** Names the tablet and pairs it; the answer replaces the form with the confirmation. */
export function PairDeviceForm({ action, token }: { action: Action; token: string }) {
  const t = useTranslations("counterPairing");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-2 rounded-xl border border-emerald-300 bg-emerald-50 p-5 text-emerald-950">
        <p className="text-lg font-semibold">{t("paired", { store: state.data.storeName, merchant: state.data.merchantName })}</p>
        <p>{t("pairedNext", { name: state.data.deviceName })}</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.code === "NOT_FOUND" ? t("linkUnusable") : state.message}</FormMessage> : null}
      <input type="hidden" name="token" value={token} />
      <Field
        label={t("name")}
        name="name"
        required
        maxLength={60}
        autoComplete="off"
        placeholder={t("namePlaceholder")}
        hint={t("nameHint")}
        errors={fieldErrors?.name}
      />
      <SubmitButton className="w-full py-3 text-lg" pending={pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
