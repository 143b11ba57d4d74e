"use client";

import { useTranslations } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

export type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * The action's answer or, when none came (the connection dropped, the server
 * went away), a refusal with `message`: the form stays as typed and says so,
 * instead of React's error boundary replacing the page. Next's own signals (a
 * redirect made by the action) go on to Next.
 */
export function answeredOrLost<T>(action: FormAction<T>, message: string): FormAction<T> {
  return async (previous, form) => {
    try {
      return await action(previous, form);
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, code: "SERVICE_UNAVAILABLE", message };
    }
  };
}

/**
 * Runs a server action from a form's submit event. React resets a form after
 * an `action={…}` submission, which would wipe what the person typed when the
 * answer is a validation error; submitting through a transition keeps the
 * fields as they are. `onSubmitted` sees the form data before it is sent.
 */
export function useFormAction<T>(action: FormAction<T>, onSubmitted?: (form: FormData) => void) {
  const t = useTranslations("forms");
  const [state, dispatch, pending] = useActionState(answeredOrLost(action, t("unanswered")), null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSubmitted?.(form);
    startTransition(() => dispatch(form));
  };
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, onSubmit, pending, fieldErrors };
}
