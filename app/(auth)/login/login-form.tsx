"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import { loginInputSchema } from "@/lib/accounts/schemas";

type Errors = { form?: string; email?: string[]; password?: string[] };

/** Email and password through next-auth; a rate-limited login says how long to wait. */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const translate = useTranslateMessage();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginInputSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "email" ? "email" : "password";
        next[field] = [...(next[field] ?? []), translate(issue.message)];
      }
      setErrors(next);
      return;
    }
    setPending(true);
    setErrors({});
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const limited = /^RATE_LIMITED:(\d+)$/.exec(result?.error ?? "");
      setErrors({
        form: limited
          ? t("errors.RATE_LIMITED", { minutes: Math.ceil(Number(limited[1]) / 60) })
          : result?.error === "CredentialsSignin"
            ? t("auth.login.wrong")
            : t("errors.INTERNAL_ERROR"),
      });
    } catch {
      setErrors({ form: t("forms.networkError") });
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {errors.form ? <FormMessage kind="error">{errors.form}</FormMessage> : null}
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required errors={errors.email} />
      <Field label={t("auth.password")} name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      <SubmitButton className="w-full" pending={pending} pendingLabel={t("auth.login.pending")}>
        {t("auth.login.submit")}
      </SubmitButton>
    </form>
  );
}
