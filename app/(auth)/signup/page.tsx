import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthPanel } from "@/components/auth/auth-panel";
import { getSessionUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locales";
import { signUpAction } from "./actions";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("title") };
}

export default async function SignUpPage() {
  const [t, locale, user] = await Promise.all([getTranslations("auth"), getLocale(), getSessionUser()]);
  if (user?.merchant) redirect("/dashboard");
  return (
    <AuthPanel
      title={t("signUp.title")}
      intro={t("signUp.intro")}
      footer={
        <>
          {t("signUp.haveAccount")}{" "}
          <Link href="/login" className="font-semibold text-brand-700 underline">
            {t("signUp.logIn")}
          </Link>
        </>
      }
    >
      <SignUpForm action={signUpAction} locale={isLocale(locale) ? locale : "en"} />
    </AuthPanel>
  );
}
