import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthPanel } from "@/components/auth/auth-panel";
import { FormMessage } from "@/components/forms/form-message";
import { getSessionUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.login"))("title") };
}

const NOTICES = ["loggedOut", "passwordChanged", "sessionEnded", "joined"] as const;

/** Only a path on this site: never send someone elsewhere after logging in. */
function safeCallback(value: string | string[] | undefined): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/dashboard";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, t, user] = await Promise.all([searchParams, getTranslations("auth"), getSessionUser()]);
  const callbackUrl = safeCallback(params.callbackUrl);
  if (user?.merchant) redirect(callbackUrl);
  if (user?.role === "admin") redirect(typeof params.callbackUrl === "string" ? callbackUrl : "/admin");
  const notice = NOTICES.find((name) => name === params.notice);
  return (
    <AuthPanel
      title={t("login.title")}
      intro={t("login.intro")}
      footer={
        <>
          {t("login.noAccount")}{" "}
          <Link href="/signup" className="font-semibold text-brand-700 underline">
            {t("login.signUp")}
          </Link>
        </>
      }
    >
      {notice ? (
        <div className="mb-5">
          <FormMessage kind="info">{t(`login.${notice}`)}</FormMessage>
        </div>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
      <p className="mt-5 text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          {t("login.forgot")}
        </Link>
      </p>
    </AuthPanel>
  );
}
