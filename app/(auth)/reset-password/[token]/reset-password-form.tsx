"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const t = useTranslations();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok ? (
        <FormMessage kind="error">{state.code === "NOT_FOUND" ? t("auth.reset.invalid") : state.message}</FormMessage>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field
        label={t("auth.reset.newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("auth.passwordHint")}
        errors={fieldErrors?.password}
      />
      <SubmitButton className="w-full" pending={pending} pendingLabel={t("forms.saving")}>
        {t("auth.reset.submit")}
      </SubmitButton>
    </form>
  );
}
