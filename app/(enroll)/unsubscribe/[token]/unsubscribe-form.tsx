"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/** One button: opening the link changes nothing (mail scanners open links); pressing it unsubscribes. */
export function UnsubscribeForm({ token, action, merchantName }: { token: string; action: Action; merchantName: string }) {
  const t = useTranslations("unsubscribe");
  const { state, onSubmit, pending } = useFormAction(action);
  if (state?.ok) return <FormMessage kind="success">{t("done", { merchant: merchantName })}</FormMessage>;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full py-3" pending={pending} pendingLabel={t("pending")}>
        {t("confirm")}
      </SubmitButton>
    </form>
  );
}
