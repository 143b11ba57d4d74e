import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { requireMerchantUser } from "@/lib/auth/session";
import { listStaff } from "@/lib/staff/manage-staff";
import { listStores } from "@/lib/stores/list-stores";
import { createStaffAction, unlockStaffAction } from "./actions";
import { CreateStaffSection } from "./create-staff-form";
import { STATUS_TONES, staffFormatting } from "./staff-status";
import { UnlockStaffForm } from "./unlock-staff-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.staff"))("title") };
}

export default async function StaffPage() {
  const session = await requireMerchantUser();
  const [t, staff, stores] = await Promise.all([getTranslations("dashboard.staff"), listStaff(session.ctx), listStores(session.ctx)]);
  const { status, lastActivity } = await staffFormatting(session.merchant.timeZone, session.ctx.clock.now());
  const storeNames = new Map(stores.map((store) => [store.id, store.archived ? t("storeClosed", { name: store.name }) : store.name]));
  const openStores = stores.filter((store) => !store.archived).map((store) => ({ id: store.id, name: store.name }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href="#add-staff" className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-900">
            {t("create.title")}
          </a>
        }
      />
      <div className="space-y-6">
        <Section id="team" title={t("list.title")} description={t("list.description")}>
          {staff.length === 0 ? (
            <p className="text-stone-700">{t("list.empty")}</p>
          ) : (
            // relative: the cells' screen-reader-only text stays inside this scroll box, so a phone's page does not scroll sideways.
            <div className="relative -mx-5 overflow-x-auto sm:-mx-6">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <thead className="border-b border-stone-200 whitespace-nowrap text-stone-600">
                  <tr>
                    <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                      {t("columns.name")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.stores")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.lastActivity")}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      {t("columns.pin")}
                    </th>
                    <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                      <span className="sr-only">{t("columns.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {staff.map((member) => {
                    const state = status(member);
                    return (
                      <tr key={member.id} className={member.active ? "" : "text-stone-500"}>
                        <th scope="row" className="px-5 py-3 font-semibold text-stone-900 sm:px-6">
                          <Link href={`/dashboard/staff/${member.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                            {member.name}
                          </Link>
                        </th>
                        <td className="px-3 py-3">{member.storeIds.map((id) => storeNames.get(id)).join(", ")}</td>
                        <td className="px-3 py-3 whitespace-nowrap">{lastActivity(member)}</td>
                        <td className="px-3 py-3">
                          <span className={`inline-block rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_TONES[state.tone]}`}>
                            {state.label}
                          </span>
                        </td>
                        <td className="px-5 py-3 sm:px-6">
                          <div className="flex items-center justify-end gap-3">
                            {member.locked ? <UnlockStaffForm action={unlockStaffAction} staffId={member.id} name={member.name} /> : null}
                            <Link
                              href={`/dashboard/staff/${member.id}`}
                              className="whitespace-nowrap font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900"
                            >
                              {member.active ? t("manage") : t("details")}
                              <span className="sr-only"> {member.name}</span>
                            </Link>
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Section>
        <Section id="add-staff" title={t("create.title")} description={t("create.description")}>
          <CreateStaffSection action={createStaffAction} stores={openStores} />
        </Section>
      </div>
    </>
  );
}
