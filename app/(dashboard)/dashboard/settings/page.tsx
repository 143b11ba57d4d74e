import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { ButtonLink } from "@/components/ui/button-link";
import { listPendingInvitations } from "@/lib/accounts/invitations";
import { listTeam } from "@/lib/accounts/team";
import { requireOwner } from "@/lib/auth/session";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { getMerchantSettings } from "@/lib/merchants/get-merchant-settings";
import { timeZoneGroups } from "@/lib/merchants/time-zone-options";
import { TIME_ZONES } from "@/lib/merchants/time-zones";
import {
  cancelInvitationAction,
  inviteManagerAction,
  removeManagerAction,
  resendInvitationAction,
  updateMerchantSettingsAction,
} from "./actions";
import { InviteManagerForm } from "./invite-manager-form";
import { MerchantSettingsForm } from "./merchant-settings-form";
import { PendingInvitations } from "./pending-invitations";
import { TeamMembers } from "./team-members";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.settings"))("title") };
}

const REGIONS = ["Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"] as const;

/** The owner's page: the business's settings and the team (managers and invitations). Managers get 403. */
export default async function SettingsPage() {
  const session = await requireOwner();
  const [t, format, settings, team, invitations] = await Promise.all([
    getTranslations("dashboard.settings"),
    getFormatter(),
    getMerchantSettings(session.ctx),
    listTeam(session.ctx),
    listPendingInvitations(session.ctx),
  ]);
  const timeZone = session.merchant.timeZone;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const regionName = (region: string) =>
    region === ""
      ? t("regions.utc")
      : (REGIONS as readonly string[]).includes(region)
        ? t(`regions.${region as (typeof REGIONS)[number]}`)
        : region;
  const groups = timeZoneGroups(TIME_ZONES, session.ctx.clock.now()).map((group) => ({
    label: regionName(group.region),
    zones: group.zones,
  }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <ButtonLink href="/dashboard/settings/audit" variant="secondary" className="px-4 py-2 text-sm">
            {t("auditLink")}
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Section id="business" title={t("business.title")} description={t("business.description")}>
          <MerchantSettingsForm
            action={updateMerchantSettingsAction}
            values={settings}
            timeZoneGroups={groups}
            locales={LOCALES.map((locale) => ({ value: locale, name: LOCALE_NAMES[locale] }))}
          />
        </Section>
        <Section id="team" title={t("team.title")} description={t("team.description")}>
          <TeamMembers
            removeAction={removeManagerAction}
            members={team
              .filter((member) => member.active)
              .map((member) => ({
                id: member.id,
                name: member.name,
                email: member.email,
                role: member.role,
                lastLogin: member.lastLoginAt ? when(member.lastLoginAt) : null,
              }))}
          />
          <div className="mt-8 space-y-3">
            <h3 className="text-base font-semibold text-stone-900">{t("invitations.title")}</h3>
            <PendingInvitations
              resendAction={resendInvitationAction}
              cancelAction={cancelInvitationAction}
              invitations={invitations.map((invitation) => ({
                id: invitation.id,
                email: invitation.email,
                sent: when(invitation.createdAt),
                expires: when(invitation.expiresAt),
              }))}
            />
          </div>
          <div className="mt-8 space-y-3 border-t border-stone-200 pt-6">
            <h3 className="text-base font-semibold text-stone-900">{t("invite.title")}</h3>
            <p className="max-w-2xl text-sm text-stone-600">{t("invite.description")}</p>
            <InviteManagerForm action={inviteManagerAction} />
          </div>
        </Section>
      </div>
    </>
  );
}
