"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;

/** Lifts a PIN lockout; the page then shows the staff member as active again. */
export function UnlockStaffForm({ action, staffId, name }: { action: Action; staffId: string; name: string }) {
  const t = useTranslations("dashboard.staff");
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="inline-flex flex-col items-start gap-2">
      <input type="hidden" name="staffId" value={staffId} />
      <SubmitButton variant="secondary" pending={pending} pendingLabel={t("unlock.pending")} className="px-3! py-1.5! text-sm">
        {t("unlock.submit")}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      {state?.ok ? (
        <p role="status" className="sr-only">
          {t("unlock.done", { name })}
        </p>
      ) : null}
    </form>
  );
}
