"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Two steps: the email given at enrollment, then the six-digit code sent to it. The first answer is the same for any address. */
export function RecoverForm({
  storeCode,
  requestAction,
  verifyAction,
}: {
  storeCode: string;
  requestAction: Action<{ email: string }>;
  verifyAction: Action<never>;
}) {
  const t = useTranslations();
  const requested = useFormAction(requestAction);
  const verified = useFormAction(verifyAction);
  const email = requested.state?.ok ? requested.state.data.email : null;

  if (!email) {
    return (
      <form onSubmit={requested.onSubmit} noValidate className="space-y-4">
        {requested.state && !requested.state.ok ? <FormMessage kind="error">{requested.state.message}</FormMessage> : null}
        <input type="hidden" name="storeCode" value={storeCode} />
        <Field
          label={t("cardRecovery.email")}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          errors={requested.fieldErrors?.email}
        />
        <SubmitButton className="w-full py-3" pending={requested.pending} pendingLabel={t("forms.sending")}>
          {t("cardRecovery.sendCode")}
        </SubmitButton>
      </form>
    );
  }
  return (
    <div className="space-y-4">
      <FormMessage kind="success">{t("cardRecovery.sent", { email })}</FormMessage>
      <form onSubmit={verified.onSubmit} noValidate className="space-y-4">
        {verified.state && !verified.state.ok && !verified.fieldErrors?.code ? (
          <FormMessage kind="error">{verified.state.message}</FormMessage>
        ) : null}
        <input type="hidden" name="storeCode" value={storeCode} />
        <input type="hidden" name="email" value={email} />
        <Field
          label={t("cardRecovery.code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          hint={t("cardRecovery.codeHint")}
          errors={verified.fieldErrors?.code}
        />
        <SubmitButton className="w-full py-3" pending={verified.pending} pendingLabel={t("cardRecovery.opening")}>
          {t("cardRecovery.open")}
        </SubmitButton>
      </form>
    </div>
  );
}
