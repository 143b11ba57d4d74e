import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { ActivityChartLazy } from "@/components/overview/activity-chart-lazy";
import { KpiCard } from "@/components/overview/kpi-card";
import { getMerchantDetail } from "@/lib/admin/get-merchant-detail";
import { requirePlatformAdmin } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { figureColumns } from "@/lib/stats/get-activity-series";
import { activityChartLabels } from "@/components/overview/activity-chart-labels";
import { StatusBadge } from "../status-badge";
import { reactivateMerchantAction, suspendMerchantAction } from "./actions";
import { MerchantStatusForm } from "./merchant-status-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.merchant"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One merchant: status (suspend, reactivate), program, stores, team, 30-day statistics, the 90-day chart, latest activity. */
export default async function MerchantPage({ params }: { params: Promise<{ merchantId: string }> }) {
  const { ctx } = await requirePlatformAdmin();
  const { merchantId } = await params;
  if (!UUID.test(merchantId)) notFound();
  const detail = await getMerchantDetail(ctx, merchantId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tList, format, locale, labels] = await Promise.all([
    getTranslations("admin.merchant"),
    getTranslations("admin.merchants"),
    getFormatter(),
    getLocale(),
    activityChartLabels(),
  ]);
  const { merchant, program, stats } = detail;
  const n = (value: number) => format.number(value);
  const period = (counts: { today: number; last7Days: number; last30Days: number }) =>
    t("period", { today: n(counts.today), week: n(counts.last7Days), month: n(counts.last30Days) });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: merchant.timeZone });
  const stamps = program?.type !== "points";
  const points = program ? program.type !== "stamps" : false;
  const suspended = merchant.status === "suspended";
  return (
    <>
      <PageHeader
        title={merchant.name}
        description={t("since", {
          date: format.dateTime(new Date(merchant.createdAt), { dateStyle: "long" }),
          timeZone: merchant.timeZone,
        })}
        actions={
          <Link href="/admin/merchants" className="text-sm font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
            {t("back")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Section id="status" title={t("status.title")}>
          <div role="status" className="mb-4 space-y-1 text-sm text-stone-800">
            <p>
              <StatusBadge status={merchant.status} label={tList(`status.${merchant.status}`)} />{" "}
              {suspended && merchant.suspendedAt
                ? t("status.suspendedSince", { date: when(merchant.suspendedAt) })
                : t("status.activeBody")}
            </p>
            {suspended && merchant.suspendedReason ? (
              <p>
                <span className="font-medium">{t("status.reason")}:</span> {merchant.suspendedReason}
              </p>
            ) : null}
          </div>
          <p className="mb-4 text-sm text-stone-600">{suspended ? t("status.reactivateExplain") : t("status.suspendExplain")}</p>
          <div className="max-w-xl">
            <MerchantStatusForm
              key={merchant.status}
              merchantId={merchant.id}
              mode={suspended ? "reactivate" : "suspend"}
              action={suspended ? reactivateMerchantAction : suspendMerchantAction}
            />
          </div>
        </Section>

        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <KpiCard label={t("kpi.members")} value={n(stats.members)} detail={t("kpi.active30", { count: n(stats.activeMembers30Days) })} />
          <KpiCard label={t("kpi.newMembers")} value={n(stats.newMembers.last30Days)} detail={period(stats.newMembers)} />
          {stamps ? <KpiCard label={t("kpi.stamps")} value={n(stats.stampsIssued.last30Days)} detail={period(stats.stampsIssued)} /> : null}
          {points ? <KpiCard label={t("kpi.points")} value={n(stats.pointsIssued.last30Days)} detail={period(stats.pointsIssued)} /> : null}
          <KpiCard label={t("kpi.redemptions")} value={n(stats.rewardsRedeemed.last30Days)} detail={period(stats.rewardsRedeemed)} />
        </dl>

        <div className="grid gap-6 lg:grid-cols-2">
          <Section id="program" title={t("program.title")}>
            {program ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
                <dt className="text-stone-600">{t("program.cardName")}</dt>
                <dd className="text-stone-900">{program.cardName}</dd>
                <dt className="text-stone-600">{t("program.type")}</dt>
                <dd className="text-stone-900">{tList(`types.${program.type}`)}</dd>
                {stamps ? (
                  <>
                    <dt className="text-stone-600">{t("program.stampsTarget")}</dt>
                    <dd className="text-stone-900">
                      {t("program.stampsTargetValue", { target: program.stampsTarget, reward: program.stampsRewardDescription ?? "—" })}
                    </dd>
                  </>
                ) : null}
                {points ? (
                  <>
                    <dt className="text-stone-600">{t("program.pointsPerEuro")}</dt>
                    <dd className="text-stone-900">{n(program.pointsPerEuro)}</dd>
                  </>
                ) : null}
                <dt className="text-stone-600">{t("program.limits")}</dt>
                <dd className="text-stone-900">
                  {t("program.limitsValue", { cooldown: program.cooldownMinutes, daily: program.maxDailyStamps })}
                </dd>
                <dt className="text-stone-600">{t("program.state")}</dt>
                <dd className="text-stone-900">{program.active ? t("program.active") : t("program.paused")}</dd>
              </dl>
            ) : (
              <p className="text-sm text-stone-600">{t("program.none")}</p>
            )}
          </Section>

          <Section id="account" title={t("account.title")}>
            <ul className="space-y-2 text-sm">
              {detail.users.map((user) => (
                <li key={user.id}>
                  <span className="font-medium text-stone-900">{user.name ?? user.email}</span>{" "}
                  <span className="text-stone-600">
                    · {t(`account.roles.${user.role === "owner" ? "owner" : "manager"}`)}
                    {user.name ? ` · ${user.email}` : ""}
                    {user.active ? "" : ` · ${t("account.inactive")}`}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm text-stone-700">{t("account.devices", { devices: detail.counterDevices, keys: detail.apiKeys })}</p>
          </Section>
        </div>

        <Section id="stores" title={t("stores.title")}>
          {detail.stores.length === 0 ? (
            <p className="text-sm text-stone-600">{t("stores.none")}</p>
          ) : (
            <ul className="grid gap-2 text-sm sm:grid-cols-2">
              {detail.stores.map((store) => (
                <li key={store.id} className="rounded-lg border border-stone-200 px-3 py-2">
                  <span className="font-medium text-stone-900">{store.name}</span>{" "}
                  <span className="font-mono text-stone-600">{store.code}</span>
                  {store.archived ? <span className="ml-2 text-stone-600">({t("stores.archived")})</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="activity" title={t("chart.title")}>
          <ActivityChartLazy
            days={detail.series.days}
            total={figureColumns(detail.series.total)}
            metrics={[...(stamps ? (["stamps"] as const) : []), ...(points ? (["points"] as const) : []), "newMembers", "redemptions"]}
            locale={locale}
            labels={labels}
          />
        </Section>

        <Section id="recent" title={t("recent.title")} description={t("recent.description", { timeZone: merchant.timeZone })}>
          {detail.recentActivity.length === 0 ? (
            <p className="text-sm text-stone-600">{t("recent.none")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("recent.title")}</caption>
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("recent.when")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("recent.what")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("recent.store")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {detail.recentActivity.map((entry) => (
                  <tr key={entry.id}>
                    <td className="py-2 pr-4 text-stone-700">{when(entry.createdAt)}</td>
                    <th scope="row" className="py-2 pr-4 font-normal text-stone-900">
                      {t(`recent.types.${entry.type}`, { stamps: entry.stampsDelta, points: entry.pointsDelta })}
                    </th>
                    <td className="py-2 pr-4 text-stone-700">{entry.storeName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      </div>
    </>
  );
}
