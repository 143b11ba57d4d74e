"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import { StoreCheckboxes, type StoreOption } from "../store-checkboxes";

type Action = (previous: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;

export function EditStaffForm({
  action,
  staff,
  stores,
}: {
  action: Action;
  staff: { id: string; name: string; storeIds: string[] };
  stores: StoreOption[];
}) {
  const t = useTranslations("dashboard.staff");
  const tForms = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      {state?.ok ? <FormMessage kind="success">{tForms("saved")}</FormMessage> : null}
      <input type="hidden" name="staffId" value={staff.id} />
      <Field
        label={t("fields.name")}
        name="name"
        defaultValue={staff.name}
        autoComplete="off"
        required
        maxLength={80}
        errors={fieldErrors?.name}
        className="max-w-md"
      />
      <StoreCheckboxes stores={stores} checked={staff.storeIds} errors={fieldErrors?.storeIds} />
      <SubmitButton pending={pending} pendingLabel={tForms("saving")}>
        {tForms("save")}
      </SubmitButton>
    </form>
  );
}
