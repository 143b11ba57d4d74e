"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ShownOnce } from "@/components/dashboard/shown-once";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { PinField } from "@/components/staff/pin-field";
import type { ActionResult } from "@/lib/actions/action-result";
import { NoStoresNotice, StoreCheckboxes, type StoreOption } from "./store-checkboxes";

type Created = { id: string; name: string; pin: string };
type Action = (previous: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;

/**
 * Adds a staff member, then shows their PIN once. The form is mounted anew
 * after each success (a fresh, empty form and no action state holding the
 * PIN); the PIN stays only in the box until "Done".
 */
export function CreateStaffSection({ action, stores }: { action: Action; stores: StoreOption[] }) {
  const t = useTranslations("dashboard.staff");
  const [shown, setShown] = useState<Created | null>(null);
  const [formKey, setFormKey] = useState(0);
  if (stores.length === 0) return <NoStoresNotice />;
  return (
    <div className="space-y-6">
      {shown ? (
        <ShownOnce
          title={t("pinShown.title", { name: shown.name })}
          value={shown.pin}
          valueLabel={t("fields.pin")}
          warning={t("pinShown.warning", { name: shown.name })}
          doneLabel={t("pinShown.done")}
          onDone={() => setShown(null)}
        />
      ) : null}
      <CreateStaffForm
        key={formKey}
        action={action}
        stores={stores}
        onCreated={(created) => {
          setShown(created);
          setFormKey((key) => key + 1);
        }}
      />
    </div>
  );
}

function CreateStaffForm({ action, stores, onCreated }: { action: Action; stores: StoreOption[]; onCreated: (created: Created) => void }) {
  const t = useTranslations("dashboard.staff");
  const tForms = useTranslations("forms");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const handled = useRef(state);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onCreated(state.data);
    }
  }, [state, onCreated]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <Field
        label={t("fields.name")}
        name="name"
        autoComplete="off"
        required
        maxLength={80}
        errors={fieldErrors?.name}
        className="max-w-md"
      />
      <StoreCheckboxes stores={stores} errors={fieldErrors?.storeIds} />
      <PinField
        label={t("fields.pin")}
        hint={t("fields.pinHint")}
        generateLabel={t("generate")}
        generatedNotice={t("generated")}
        errors={fieldErrors?.pin}
      />
      <SubmitButton pending={pending} pendingLabel={tForms("saving")}>
        {t("create.submit")}
      </SubmitButton>
    </form>
  );
}
