"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

export function SetupStoreForm({ action }: { action: Action }) {
  const t = useTranslations("dashboard.setup.store");
  const tForms = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <Field label={t("name")} name="name" required maxLength={80} placeholder={t("namePlaceholder")} errors={fieldErrors?.name} />
      <Field
        label={`${t("address")} (${tForms("optional")})`}
        name="address"
        autoComplete="street-address"
        maxLength={200}
        errors={fieldErrors?.address}
      />
      <SubmitButton pending={pending} pendingLabel={tForms("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
