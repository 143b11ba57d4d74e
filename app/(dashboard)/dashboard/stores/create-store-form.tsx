"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

/** Name, address and (optionally) the public code of a new store; the action opens the new store's page. */
export function CreateStoreForm({ action }: { action: Action }) {
  const t = useTranslations();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <div className="grid gap-5 md:grid-cols-2">
        <Field
          label={t("dashboard.stores.create.name")}
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          placeholder={t("dashboard.stores.create.namePlaceholder")}
          errors={fieldErrors?.name}
        />
        <Field
          label={`${t("dashboard.stores.create.address")} (${t("forms.optional")})`}
          name="address"
          maxLength={200}
          autoComplete="street-address"
          errors={fieldErrors?.address}
        />
      </div>
      <Field
        label={`${t("dashboard.stores.create.code")} (${t("forms.optional")})`}
        name="code"
        maxLength={16}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="max-w-md"
        hint={t("dashboard.stores.create.codeHint")}
        errors={fieldErrors?.code}
      />
      <SubmitButton pending={pending} pendingLabel={t("dashboard.stores.create.pending")}>
        {t("dashboard.stores.create.submit")}
      </SubmitButton>
    </form>
  );
}
