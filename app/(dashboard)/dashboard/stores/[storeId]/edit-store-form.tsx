"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { StoreView } from "@/lib/stores/store-view";

type Action = (previous: ActionResult<StoreView> | null, form: FormData) => Promise<ActionResult<StoreView>>;

type EditStoreFormProps = { action: Action; store: { id: string; name: string; address: string | null; code: string } };

/** The store's name and address; its code is shown, not editable. */
export function EditStoreForm({ action, store }: EditStoreFormProps) {
  const t = useTranslations();
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="storeId" value={store.id} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field
          label={t("dashboard.stores.edit.name")}
          name="name"
          defaultValue={store.name}
          required
          maxLength={80}
          autoComplete="off"
          errors={fieldErrors?.name}
        />
        <Field
          label={`${t("dashboard.stores.edit.address")} (${t("forms.optional")})`}
          name="address"
          defaultValue={store.address ?? ""}
          maxLength={200}
          autoComplete="street-address"
          errors={fieldErrors?.address}
        />
      </div>
      <div>
        <p className="text-sm font-medium text-stone-800">{t("dashboard.stores.edit.code")}</p>
        <p className="mt-1 font-mono text-lg font-semibold tracking-wider text-stone-900">{store.code}</p>
        <p className="mt-1 text-sm text-stone-600">{t("dashboard.stores.edit.codeLocked")}</p>
      </div>
      <div aria-live="polite">
        {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
        {state?.ok ? <FormMessage kind="success">{t("forms.saved")}</FormMessage> : null}
      </div>
      <SubmitButton pending={pending} pendingLabel={t("forms.saving")}>
        {t("forms.save")}
      </SubmitButton>
    </form>
  );
}
