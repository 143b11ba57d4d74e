"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;

/** Deactivation asks once more, inline, saying what happens (the PIN stops working at once); the question takes the focus. */
export function DeactivateStaffForm({ action, staffId, name }: { action: Action; staffId: string; name: string }) {
  const t = useTranslations("dashboard.staff");
  const tForms = useTranslations("forms");
  const [confirming, setConfirming] = useState(false);
  const { state, onSubmit, pending } = useFormAction(action);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-lg border border-red-300 bg-white px-4 py-2.5 font-semibold text-red-800 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600"
      >
        {t("deactivate.start", { name })}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-red-300 bg-red-50 p-4">
      <input type="hidden" name="staffId" value={staffId} />
      <p ref={question} tabIndex={-1} className="font-medium text-red-950 focus:outline-none">
        {t("deactivate.confirm", { name })}
      </p>
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="danger" pending={pending} pendingLabel={t("deactivate.pending")}>
          {t("deactivate.submit")}
        </SubmitButton>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-stone-900 hover:bg-stone-100"
        >
          {tForms("cancel")}
        </button>
      </div>
    </form>
  );
}
