"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action = (previous: ActionResult<void> | null, form: FormData) => Promise<ActionResult<void>>;

/** Retry and discard for one delivery; each is a small form naming the event. */
export function OutboxRowActions({ eventId, retry, discard, label }: { eventId: string; retry: Action; discard: Action; label: string }) {
  const t = useTranslations("admin.outbox");
  const retrying = useFormAction(retry);
  const discarding = useFormAction(discard);
  const failed = [retrying.state, discarding.state].find((state) => state && !state.ok);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form onSubmit={retrying.onSubmit}>
          <input type="hidden" name="eventId" value={eventId} />
          <SubmitButton
            variant="secondary"
            pending={retrying.pending}
            pendingLabel={t("retrying")}
            className="px-3! py-1.5! text-sm"
            aria-label={`${t("retry")}: ${label}`}
          >
            {t("retry")}
          </SubmitButton>
        </form>
        <form onSubmit={discarding.onSubmit}>
          <input type="hidden" name="eventId" value={eventId} />
          <SubmitButton
            variant="danger"
            pending={discarding.pending}
            pendingLabel={t("discarding")}
            className="px-3! py-1.5! text-sm"
            aria-label={`${t("discard")}: ${label}`}
          >
            {t("discard")}
          </SubmitButton>
        </form>
      </div>
      {failed && !failed.ok ? <FormMessage kind="error">{failed.message}</FormMessage> : null}
    </div>
  );
}
