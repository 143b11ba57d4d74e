"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Opens an archived store again: nothing is lost by it, so it asks no confirmation. */
export function RestoreStoreForm<T>({ action, storeId }: { action: Action<T>; storeId: string }) {
  const t = useTranslations("dashboard.stores.restore");
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="storeId" value={storeId} />
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel={t("pending")}>
        {t("button")}
      </SubmitButton>
    </form>
  );
}
