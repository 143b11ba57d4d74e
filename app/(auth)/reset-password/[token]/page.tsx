import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthPanel } from "@/components/auth/auth-panel";
import { FormMessage } from "@/components/forms/form-message";
import { isPasswordResetTokenValid } from "@/lib/accounts/password-reset";
import { systemClock } from "@/lib/clock";
import { resetPasswordAction } from "./actions";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.reset"))("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, valid] = await Promise.all([getTranslations("auth.reset"), isPasswordResetTokenValid(token, systemClock)]);
  return (
    <AuthPanel title={t("title")}>
      {valid ? (
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      ) : (
        <div className="space-y-4">
          <FormMessage kind="error">{t("invalid")}</FormMessage>
          <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
            {t("askAgain")}
          </Link>
        </div>
      )}
    </AuthPanel>
  );
}
