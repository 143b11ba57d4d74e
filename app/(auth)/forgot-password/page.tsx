import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthPanel } from "@/components/auth/auth-panel";
import { requestPasswordResetAction } from "./actions";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgot");
  return (
    <AuthPanel
      title={t("title")}
      intro={t("intro")}
      footer={
        <Link href="/login" className="font-semibold text-brand-700 underline">
          {t("back")}
        </Link>
      }
    >
      <ForgotPasswordForm action={requestPasswordResetAction} />
    </AuthPanel>
  );
}
