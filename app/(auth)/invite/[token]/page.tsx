import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPanel } from "@/components/auth/auth-panel";
import { FormMessage } from "@/components/forms/form-message";
import { findOpenInvitation } from "@/lib/accounts/invitations";
import { systemClock } from "@/lib/clock";
import { acceptInvitationAction } from "./actions";
import { AcceptInvitationForm } from "./accept-invitation-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.invite"))("pageTitle"), referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, invitation] = await Promise.all([getTranslations("auth.invite"), findOpenInvitation(token, systemClock)]);
  if (!invitation) {
    return (
      <AuthPanel title={t("pageTitle")}>
        <FormMessage kind="error">{t("invalid")}</FormMessage>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel title={t("title", { merchant: invitation.merchantName })} intro={t("intro", { email: invitation.email })}>
      <AcceptInvitationForm action={acceptInvitationAction} token={token} email={invitation.email} />
    </AuthPanel>
  );
}
