import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { requireMerchantUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { idParamSchema } from "@/lib/http/request-schemas";
import type { ServiceContext } from "@/lib/service-context";
import { getStaffMember } from "@/lib/staff/get-staff-member";
import { listStores } from "@/lib/stores/list-stores";
import { changeStaffPinAction, deactivateStaffAction, editStaffAction, unlockStaffAction } from "../actions";
import { STATUS_TONES, staffFormatting } from "../staff-status";
import { UnlockStaffForm } from "../unlock-staff-form";
import { ChangePinSection } from "./change-pin-form";
import { DeactivateStaffForm } from "./deactivate-staff-form";
import { EditStaffForm } from "./edit-staff-form";

type Props = { params: Promise<{ staffId: string }> };

/** The merchant's own staff member, or the 404 page (an unknown id and another merchant's look the same). */
async function findStaffMember(ctx: ServiceContext, staffId: string) {
  if (!idParamSchema.safeParse(staffId).success) notFound();
  try {
    return await getStaffMember(ctx, staffId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await requireMerchantUser();
  const member = await findStaffMember(session.ctx, (await params).staffId);
  return { title: member.name };
}

export default async function StaffMemberPage({ params }: Props) {
  const session = await requireMerchantUser();
  const member = await findStaffMember(session.ctx, (await params).staffId);
  const [t, stores] = await Promise.all([getTranslations("dashboard.staff"), listStores(session.ctx)]);
  const { status, lastActivity, dateTime } = await staffFormatting(session.merchant.timeZone, session.ctx.clock.now());
  const state = status(member);
  const storeNames = stores
    .filter((store) => member.storeIds.includes(store.id))
    .map((store) => (store.archived ? t("storeClosed", { name: store.name }) : store.name));
  const openStores = stores.filter((store) => !store.archived).map((store) => ({ id: store.id, name: store.name }));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard/staff" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t("detail.back")}
        </Link>
      </p>
      <PageHeader title={member.name} />
      <div className="space-y-6">
        <Section title={t("detail.summary")}>
          <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="font-medium text-stone-600">{t("columns.pin")}</dt>
              <dd className="mt-1">
                <span className={`inline-block rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_TONES[state.tone]}`}>
                  {state.label}
                </span>
              </dd>
            </div>
            <div>
              <dt className="font-medium text-stone-600">{t("columns.stores")}</dt>
              <dd className="mt-1 text-stone-900">{storeNames.join(", ") || "—"}</dd>
            </div>
            <div>
              <dt className="font-medium text-stone-600">{t("columns.lastActivity")}</dt>
              <dd className="mt-1 text-stone-900">{lastActivity(member)}</dd>
            </div>
            <div>
              <dt className="font-medium text-stone-600">{t("detail.added")}</dt>
              <dd className="mt-1 text-stone-900">{dateTime(member.createdAt)}</dd>
            </div>
          </dl>
          {member.active ? null : (
            <p className="mt-4 rounded-lg bg-stone-100 px-4 py-3 text-stone-800">{t("detail.deactivatedNotice", { name: member.name })}</p>
          )}
        </Section>

        {member.active && member.locked ? (
          <Section id="unlock" title={t("unlock.title")} description={t("unlock.description", { name: member.name })}>
            <UnlockStaffForm action={unlockStaffAction} staffId={member.id} name={member.name} />
          </Section>
        ) : null}

        {member.active ? (
          <>
            <Section id="edit" title={t("edit.title")}>
              <EditStaffForm action={editStaffAction} staff={member} stores={openStores} />
            </Section>
            <Section id="change-pin" title={t("changePin.title")} description={t("changePin.description", { name: member.name })}>
              <ChangePinSection action={changeStaffPinAction} staffId={member.id} />
            </Section>
            <Section id="deactivate" title={t("deactivate.title")} description={t("deactivate.description", { name: member.name })}>
              <DeactivateStaffForm action={deactivateStaffAction} staffId={member.id} name={member.name} />
            </Section>
          </>
        ) : null}
      </div>
    </>
  );
}
