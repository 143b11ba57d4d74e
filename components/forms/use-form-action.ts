"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Runs a server action from a form's submit event. React resets a form after
 * an `action={…}` submission, which would wipe what the person typed when the
 * answer is a validation error; submitting through a transition keeps the
 * fields as they are. `onSubmitted` sees the form data before it is sent.
 */
export function useFormAction<T>(action: FormAction<T>, onSubmitted?: (form: FormData) => void) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onSubmitted?.(form);
    startTransition(() => dispatch(form));
  };
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, onSubmit, pending, fieldErrors };
}
