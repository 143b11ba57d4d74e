import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { FormMessage } from "@/components/forms/form-message";
import { requireMerchantUser } from "@/lib/auth/session";
import { listDevices } from "@/lib/devices/list-devices";
import { isAppError } from "@/lib/errors";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { getStore } from "@/lib/stores/get-store";
import { StoreStatus } from "../store-status";
import { archiveStoreAction, createPairingLinkAction, restoreStoreAction, revokeDeviceAction, updateStoreAction } from "./actions";
import { ConfirmActionForm } from "./confirm-action-form";
import { EditStoreForm } from "./edit-store-form";
import { PairDevicePanel } from "./pair-device-panel";
import { PosterPanel } from "./poster-panel";
import { RestoreStoreForm } from "./restore-store-form";

type Params = { params: Promise<{ storeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Another merchant's store, or no store at all, is a 404: never a hint that it exists. */
function notFoundOnMissing(error: unknown): never {
  if (isAppError(error) && error.code === "NOT_FOUND") notFound();
  throw error;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const session = await requireMerchantUser();
  const store = await getStore(session.ctx, (await params).storeId).catch(notFoundOnMissing);
  return { title: store.name };
}

export default async function StorePage({ params, searchParams }: Params) {
  const session = await requireMerchantUser();
  const [{ storeId }, query] = await Promise.all([params, searchParams]);
  const store = await getStore(session.ctx, storeId).catch(notFoundOnMissing);
  const [t, format, devices] = await Promise.all([getTranslations("dashboard.stores"), getFormatter(), listDevices(session.ctx, store.id)]);
  const timeZone = session.merchant.timeZone;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const archived = store.archivedAt !== null;
  const activeDevices = devices.filter((device) => !device.revokedAt).length;

  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/dashboard/stores" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
          <span aria-hidden="true">← </span>
          {t("detail.back")}
        </Link>
      </p>
      <PageHeader
        title={store.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>{store.address ?? t("noAddress")}</span>
            <StoreStatus archived={archived} label={t(archived ? "status.archived" : "status.open")} />
          </span>
        }
      />
      <div className="space-y-6">
        {query.created === "1" && !archived ? <FormMessage kind="success">{t("detail.created")}</FormMessage> : null}
        {archived ? (
          <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            {t("detail.archivedNotice", { date: when(store.archivedAt!) })}
          </div>
        ) : null}

        <Section id="details" title={t("edit.title")} description={t("edit.description")}>
          <EditStoreForm action={updateStoreAction} store={store} />
        </Section>

        {archived ? null : (
          <Section id="poster" title={t("posterPanel.title")} description={t("posterPanel.description", { url: store.joinUrl })}>
            <PosterPanel
              storeId={store.id}
              version={store.updatedAt}
              defaultLocale={isLocale(session.merchant.defaultLocale) ? session.merchant.defaultLocale : DEFAULT_LOCALE}
            />
          </Section>
        )}

        <Section id="devices" title={t("devices.title")} description={t("devices.description")}>
          <div className="space-y-5">
            {archived ? (
              <p className="text-sm text-stone-700">{t("devices.archived")}</p>
            ) : (
              <PairDevicePanel action={createPairingLinkAction} storeId={store.id} deviceCount={activeDevices} timeZone={timeZone} />
            )}
            {devices.length === 0 ? (
              <p className="text-sm text-stone-700">{t("devices.empty")}</p>
            ) : (
              <div className="-mx-5 overflow-x-auto sm:-mx-6">
                <table className="w-full min-w-[40rem] text-left text-sm">
                  <caption className="sr-only">{t("devices.title")}</caption>
                  <thead className="border-b border-stone-200 text-stone-600">
                    <tr>
                      <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                        {t("devices.name")}
                      </th>
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("devices.pairedBy")}
                      </th>
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("devices.pairedAt")}
                      </th>
                      <th scope="col" className="px-3 py-2 font-medium">
                        {t("devices.lastSeen")}
                      </th>
                      <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                        <span className="sr-only">{t("devices.status")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {devices.map((device) => (
                      <tr key={device.id} className={device.revokedAt ? "align-top text-stone-500" : "align-top"}>
                        <th
                          scope="row"
                          className={`px-5 py-3 font-semibold sm:px-6 ${device.revokedAt ? "text-stone-500" : "text-stone-900"}`}
                        >
                          {device.name}
                        </th>
                        <td className="px-3 py-3">{device.pairedBy ?? t("devices.unknownUser")}</td>
                        <td className="whitespace-nowrap px-3 py-3">{when(device.pairedAt)}</td>
                        <td className="whitespace-nowrap px-3 py-3">{device.lastSeenAt ? when(device.lastSeenAt) : t("devices.never")}</td>
                        <td className="px-5 py-3 text-right sm:px-6">
                          {device.revokedAt ? (
                            <span className="text-sm">{t("devices.revokedOn", { date: when(device.revokedAt) })}</span>
                          ) : (
                            <ConfirmActionForm
                              action={revokeDeviceAction}
                              fields={{ storeId: store.id, deviceId: device.id }}
                              trigger={t("devices.revoke")}
                              question={t("devices.revokeQuestion", { name: device.name })}
                              confirm={t("devices.revokeConfirm")}
                              pendingLabel={t("devices.revoking")}
                              compact
                            />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </Section>

        {archived ? (
          <Section id="restore" title={t("restore.title")} description={t("restore.description")}>
            <RestoreStoreForm action={restoreStoreAction} storeId={store.id} />
          </Section>
        ) : (
          <Section id="archive" title={t("archive.title")} description={t("archive.description")}>
            <ConfirmActionForm
              action={archiveStoreAction}
              fields={{ storeId: store.id }}
              trigger={t("archive.button")}
              question={t("archive.question", { name: store.name })}
              confirm={t("archive.confirm")}
              pendingLabel={t("archive.pending")}
            />
          </Section>
        )}
      </div>
    </>
  );
}
