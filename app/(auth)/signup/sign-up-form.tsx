"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Locale } from "@/lib/i18n/locales";

type SignUpFormProps = {
  action: (previous: ActionResult<{ email: string }> | null, form: FormData) => Promise<ActionResult<{ email: string }>>;
  locale: Locale;
};

/** Creates the account, then logs in with the same credentials and opens the guided setup. */
export function SignUpForm({ action, locale }: SignUpFormProps) {
  const t = useTranslations();
  const router = useRouter();
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(action, (form) => {
    credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  });

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      router.replace(result?.ok && !result.error ? "/dashboard/setup" : "/login");
      router.refresh();
    });
  }, [state, router]);

  const busy = pending || !!state?.ok;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {state && !state.ok ? <FormMessage kind="error">{state.message}</FormMessage> : null}
      {state?.ok ? <FormMessage kind="success">{t("auth.signUp.created")}</FormMessage> : null}
      <input type="hidden" name="locale" value={locale} />
      <Field
        label={t("auth.businessName")}
        name="businessName"
        autoComplete="organization"
        required
        maxLength={80}
        errors={fieldErrors?.businessName}
      />
      <Field label={t("auth.name")} name="name" autoComplete="name" required maxLength={80} errors={fieldErrors?.name} />
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required errors={fieldErrors?.email} />
      <Field
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("auth.passwordHint")}
        errors={fieldErrors?.password}
      />
      <SubmitButton className="w-full" pending={busy} pendingLabel={t("auth.signUp.pending")}>
        {t("auth.signUp.submit")}
      </SubmitButton>
    </form>
  );
}
