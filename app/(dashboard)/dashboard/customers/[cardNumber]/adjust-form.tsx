"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Adjusted = { transactionId: string; cardNumber: string; stampCount: number; pointsBalance: number };

type AdjustFormProps = {
  action: (previous: ActionResult<Adjusted> | null, form: FormData) => Promise<ActionResult<Adjusted>>;
  cardNumber: string;
  stamps: boolean;
  points: boolean;
  /** Drawn by the server for the first submit. */
  initialKey: string;
};

/**
 * A manual adjustment with its reason. The hidden key makes a double submit
 * adjust once (the server answers the repeat with the first result); after a
 * success the fields are cleared and the next adjustment gets a new key,
 * made from the new ledger entry's id (unique, and no randomness in render).
 */
export function AdjustForm({ action, cardNumber, stamps, points, initialKey }: AdjustFormProps) {
  const t = useTranslations("dashboard.customers.adjust");
  const tForms = useTranslations("forms");
  const form = useRef<HTMLFormElement>(null);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action);
  const [key, setKey] = useState(initialKey);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state?.ok) setKey(`after-${state.data.transactionId}`);
  }

  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  const done = state?.ok
    ? stamps && points
      ? t("doneBoth", { stamps: state.data.stampCount, points: state.data.pointsBalance })
      : stamps
        ? t("doneStamps", { stamps: state.data.stampCount })
        : t("donePoints", { points: state.data.pointsBalance })
    : null;
  const otherErrors = fieldErrors
    ? Object.entries(fieldErrors).filter(([field]) => !["stampsDelta", "pointsDelta", "reason"].includes(field))
    : [];

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="cardNumber" value={cardNumber} />
      <input type="hidden" name="idempotencyKey" value={key} />
      {state && !state.ok ? (
        <FormMessage kind="error">
          {state.message}
          {otherErrors.length > 0 ? ` ${otherErrors.flatMap(([, messages]) => messages).join(" ")}` : null}
        </FormMessage>
      ) : null}
      {done ? <FormMessage kind="success">{done}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {stamps ? (
          <Field
            label={t("stampsDelta")}
            name="stampsDelta"
            type="number"
            step={1}
            inputMode="numeric"
            hint={t("deltaHint")}
            errors={fieldErrors?.stampsDelta}
          />
        ) : null}
        {points ? (
          <Field
            label={t("pointsDelta")}
            name="pointsDelta"
            type="number"
            step={1}
            inputMode="numeric"
            hint={t("deltaHint")}
            errors={fieldErrors?.pointsDelta}
          />
        ) : null}
      </div>
      <Field label={t("reason")} name="reason" required maxLength={300} hint={t("reasonHint")} errors={fieldErrors?.reason} />
      <SubmitButton pending={pending} pendingLabel={tForms("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
