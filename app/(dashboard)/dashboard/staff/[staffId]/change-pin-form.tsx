"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ShownOnce } from "@/components/dashboard/shown-once";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { PinField } from "@/components/staff/pin-field";
import type { ActionResult } from "@/lib/actions/action-result";

type Changed = { id: string; name: string; pin: string };
type Action = (previous: ActionResult<Changed> | null, form: FormData) => Promise<ActionResult<Changed>>;

/** Gives a new PIN and shows it once; like the creation form, it starts afresh after each success. */
export function ChangePinSection({ action, staffId }: { action: Action; staffId: string }) {
  const t = useTranslations("dashboard.staff");
  const [shown, setShown] = useState<Changed | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="space-y-6">
      {shown ? (
        <ShownOnce
          title={t("pinShown.newTitle", { name: shown.name })}
          value={shown.pin}
          valueLabel={t("fields.newPin")}
          warning={t("pinShown.warning", { name: shown.name })}
          doneLabel={t("pinShown.done")}
          onDone={() => setShown(null)}
        />
      ) : null}
      <ChangePinForm
        key={formKey}
        action={action}
        staffId={staffId}
        onChanged={(changed) => {
          setShown(changed);
          setFormKey((key) => key + 1);
        }}
      />
    </div>
  );
}

function ChangePinForm({ action, staffId, onChanged }: { action: Action; staffId: string; onChanged: (changed: Changed) => void }) {
  const t = useTranslations("dashboard.staff");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const handled = useRef(state);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onChanged(state.data);
    }
  }, [state, onChanged]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok && !fieldErrors?.pin ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <input type="hidden" name="staffId" value={staffId} />
      <PinField
        label={t("fields.newPin")}
        hint={t("fields.pinHint")}
        generateLabel={t("generate")}
        generatedNotice={t("generated")}
        errors={fieldErrors?.pin}
      />
      <SubmitButton pending={pending} pendingLabel={t("changePin.pending")}>
        {t("changePin.submit")}
      </SubmitButton>
    </form>
  );
}
