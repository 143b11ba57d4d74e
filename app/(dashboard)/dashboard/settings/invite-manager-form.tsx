"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<{ email: string }> | null, form: FormData) => Promise<ActionResult<{ email: string }>>;

/** Invites a manager by email; the field empties once the invitation is on its way, and keeps what was typed after an error. */
export function InviteManagerForm({ action }: { action: Action }) {
  const t = useTranslations("dashboard.settings.invite");
  const form = useRef<HTMLFormElement>(null);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const sentTo = state?.ok ? state.data.email : null;
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          className="grow"
          label={t("email")}
          name="email"
          type="email"
          autoComplete="off"
          required
          hint={t("emailHint")}
          errors={fieldErrors?.email}
        />
        <SubmitButton className="shrink-0 whitespace-nowrap sm:mt-6" pending={pending} pendingLabel={t("sending")}>
          {t("submit")}
        </SubmitButton>
      </div>
      <div aria-live="polite">
        {state && !state.ok && !fieldErrors?.email ? <FormMessage kind="error">{state.message}</FormMessage> : null}
        {sentTo ? <FormMessage kind="success">{t("sent", { email: sentTo })}</FormMessage> : null}
      </div>
    </form>
  );
}
