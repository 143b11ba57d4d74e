"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Props = {
  merchantId: string;
  /** What the form does: suspend an active merchant, or reactivate a suspended one. */
  mode: "suspend" | "reactivate";
  action: (previous: ActionResult<{ changed: boolean }> | null, form: FormData) => Promise<ActionResult<{ changed: boolean }>>;
};

/**
 * Suspends or reactivates a merchant, with the reason written down (kept in the audit log). The page
 * renders it with `key={mode}`: after a change the page shows the new status and a fresh form.
 */
export function MerchantStatusForm({ merchantId, mode, action }: Props) {
  const t = useTranslations("admin.merchant.status");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="merchantId" value={merchantId} />
      <Field
        label={mode === "suspend" ? t("suspendReason") : t("reactivateReason")}
        name="reason"
        errors={fieldErrors?.reason}
        hint={mode === "suspend" ? t("suspendHint") : t("reactivateHint")}
        required
        maxLength={500}
      />
      {state && !state.ok && !state.fieldErrors ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <SubmitButton variant={mode === "suspend" ? "danger" : "primary"} pending={pending} pendingLabel={t("pending")}>
        {mode === "suspend" ? t("suspend") : t("reactivate")}
      </SubmitButton>
    </form>
  );
}
