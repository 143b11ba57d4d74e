"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ action }: { action: Action }) {
  const t = useTranslations();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  if (state?.ok) return <FormMessage kind="success">{t("auth.forgot.sent")}</FormMessage>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required errors={fieldErrors?.email} />
      <SubmitButton className="w-full" pending={pending} pendingLabel={t("forms.sending")}>
        {t("auth.forgot.submit")}
      </SubmitButton>
    </form>
  );
}
