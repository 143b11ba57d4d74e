"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type ConfirmActionFormProps<T> = {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  /** Hidden inputs naming what is acted on. */
  fields: Record<string, string>;
  trigger: string;
  question: string;
  confirm: string;
  pendingLabel: string;
  /** A smaller trigger, for a table row. */
  compact?: boolean;
};

/**
 * A button that asks before it acts: the question and "Yes" replace it inline (focus moves to
 * the question, and back to the button on cancel), so no dialog has to trap focus.
 */
export function ConfirmActionForm<T>({
  action,
  fields,
  trigger,
  question,
  confirm,
  pendingLabel,
  compact = false,
}: ConfirmActionFormProps<T>) {
  const tForms = useTranslations("forms");
  const [asking, setAsking] = useState(false);
  const { state, onSubmit, pending } = useFormAction(action);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const size = compact ? "px-3 py-1.5 text-sm" : "px-4 py-2.5";
  if (!asking) {
    return (
      <button
        ref={triggerRef}
        type="button"
        onClick={() => setAsking(true)}
        className={`inline-flex items-center justify-center rounded-lg border border-red-300 bg-white font-semibold text-red-800 hover:bg-red-50 ${size}`}
      >
        {trigger}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} aria-describedby={questionId} className={`space-y-3 ${compact ? "ml-auto w-64" : ""}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p
        id={questionId}
        ref={questionRef}
        tabIndex={-1}
        className={`text-sm font-medium text-stone-900 focus:outline-none ${compact ? "text-left" : ""}`}
      >
        {question}
      </p>
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      <div className={`flex flex-wrap gap-2 ${compact ? "justify-end" : ""}`}>
        <SubmitButton variant="danger" pending={pending} pendingLabel={pendingLabel} className={compact ? "px-3! py-1.5! text-sm" : ""}>
          {confirm}
        </SubmitButton>
        <button
          type="button"
          onClick={() => setAsking(false)}
          disabled={pending}
          className={`inline-flex items-center justify-center rounded-lg border border-stone-300 bg-white font-semibold text-stone-900 hover:bg-stone-100 ${size}`}
        >
          {tForms("cancel")}
        </button>
      </div>
    </form>
  );
}
