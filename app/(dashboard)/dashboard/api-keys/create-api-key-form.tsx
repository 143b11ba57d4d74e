"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ShownOnce } from "@/components/dashboard/shown-once";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Created = { id: string; name: string; key: string };
type Action = (previous: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;

/** Creates a key and shows it once with a copy button; the form starts afresh, so the key is kept only in the box until "Done". */
export function CreateApiKeySection({ action }: { action: Action }) {
  const t = useTranslations("dashboard.apiKeys");
  const [shown, setShown] = useState<Created | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="space-y-6">
      {shown ? (
        <ShownOnce
          title={t("created.title", { name: shown.name })}
          value={shown.key}
          valueLabel={t("created.keyLabel")}
          warning={t("created.warning")}
          doneLabel={t("created.done")}
          onDone={() => setShown(null)}
          copy={{ label: t("created.copy"), copied: t("created.copied"), failed: t("created.copyFailed") }}
        />
      ) : null}
      <CreateApiKeyForm
        key={formKey}
        action={action}
        onCreated={(created) => {
          setShown(created);
          setFormKey((key) => key + 1);
        }}
      />
    </div>
  );
}

function CreateApiKeyForm({ action, onCreated }: { action: Action; onCreated: (created: Created) => void }) {
  const t = useTranslations("dashboard.apiKeys");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const handled = useRef(state);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onCreated(state.data);
    }
  }, [state, onCreated]);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
      {state && !state.ok && !fieldErrors?.name ? (
        <div className="w-full">
          <FormMessage kind="error">{state.message}</FormMessage>
        </div>
      ) : null}
      <Field
        label={t("fields.name")}
        name="name"
        autoComplete="off"
        required
        maxLength={80}
        hint={t("fields.nameHint")}
        errors={fieldErrors?.name}
        className="w-full max-w-md"
      />
      <SubmitButton pending={pending} pendingLabel={t("create.pending")} className="sm:mt-6">
        {t("create.submit")}
      </SubmitButton>
    </form>
  );
}
