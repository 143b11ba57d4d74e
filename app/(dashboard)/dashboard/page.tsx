import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { FormMessage } from "@/components/forms/form-message";
import { Section } from "@/components/dashboard/section";
import { ActivityChartLazy } from "@/components/overview/activity-chart-lazy";
import { KpiCard } from "@/components/overview/kpi-card";
import { requireMerchantUser } from "@/lib/auth/session";
import { figureColumns } from "@/lib/stats/get-activity-series";
import { getOverview } from "@/lib/stats/get-overview";
import { activityChartLabels } from "@/components/overview/activity-chart-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.overview"))("title") };
}

/** The merchant's figures: members, activity, redemptions, what is owed, and 30/90-day charts by store and staff member. */
export default async function OverviewPage() {
  const { ctx, merchant } = await requireMerchantUser();
  const [{ program, firstStore, stats, liability, series }, t, format, locale] = await Promise.all([
    getOverview(ctx, merchant.timeZone),
    getTranslations("dashboard.overview"),
    getFormatter(),
    getLocale(),
  ]);
  if (!program) redirect("/dashboard/setup");
  const type = program.type;
  const stamps = type !== "points";
  const points = type !== "stamps";
  const n = (value: number) => format.number(value);
  const periods = (counts: { today: number; last7Days: number; last30Days: number }) =>
    t("periods", { today: n(counts.today), week: n(counts.last7Days), month: n(counts.last30Days) });
  const metrics = [
    ...(stamps ? (["stamps"] as const) : []),
    ...(points ? (["points"] as const) : []),
    "newMembers" as const,
    "redemptions" as const,
  ];
  const storeName = (name: string | null, id: string | null) => name ?? (id ? t("removed") : t("noStore"));
  const staffName = (name: string | null, id: string | null) => name ?? (id ? t("removed") : t("noStaff"));
  // Changes made without a store or staff member (API, dashboard) get a row only when they count in the table.
  const counted = (row: { stampsIssued: number; pointsIssued: number; rewardsRedeemed: number; newMembers: number }) =>
    row.stampsIssued + row.pointsIssued + row.rewardsRedeemed + row.newMembers > 0;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("asOf", {
          time: format.dateTime(new Date(stats.asOf), { hour: "2-digit", minute: "2-digit", timeZone: merchant.timeZone }),
          timeZone: merchant.timeZone,
        })}
      />
      <div className="space-y-6">
        {stats.members === 0 && firstStore ? (
          <FormMessage kind="info">
            <strong>{t("empty.title")}.</strong> {t("empty.body")}{" "}
            <Link href="/dashboard/setup?step=poster" className="font-semibold underline">
              {t("empty.link")}
            </Link>
          </FormMessage>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <KpiCard label={t("kpi.members")} value={n(stats.members)} detail={t("kpi.active30", { count: n(stats.activeMembers30Days) })} />
          <KpiCard label={t("kpi.newMembers")} value={n(stats.newMembers.last30Days)} detail={periods(stats.newMembers)} />
          {stamps ? (
            <KpiCard label={t("kpi.stamps")} value={n(stats.stampsIssued.last30Days)} detail={periods(stats.stampsIssued)} />
          ) : null}
          {points ? (
            <KpiCard label={t("kpi.points")} value={n(stats.pointsIssued.last30Days)} detail={periods(stats.pointsIssued)} />
          ) : null}
          <KpiCard label={t("kpi.redemptions")} value={n(stats.rewardsRedeemed.last30Days)} detail={periods(stats.rewardsRedeemed)} />
          <KpiCard label={t("kpi.returning")} value={n(stats.returningMembers30Days)} detail={t("kpi.returningDetail")} />
          {stamps ? (
            <KpiCard
              label={t("kpi.redemptionRate")}
              value={stats.redemptionRate30Days === null ? "–" : format.number(stats.redemptionRate30Days, { style: "percent" })}
              detail={t("kpi.redemptionRateDetail", { earned: n(stats.rewardsEarned.last30Days) })}
            />
          ) : null}
          {points ? (
            <KpiCard
              label={t("kpi.averagePurchase")}
              value={
                stats.averagePurchaseCents30Days === null
                  ? "–"
                  : format.number(stats.averagePurchaseCents30Days / 100, { style: "currency", currency: "EUR" })
              }
              detail={t("kpi.averagePurchaseDetail", { count: n(stats.pointsRedeemed.last30Days) })}
            />
          ) : null}
        </dl>

        <Section id="liability" title={t("liability.title")} description={t("liability.description")}>
          <dl className="grid gap-4 sm:grid-cols-3">
            {stamps ? (
              <>
                <KpiCard
                  label={t("liability.stampRewards")}
                  value={n(liability.stampRewardsAvailable)}
                  detail={t("liability.stampRewardsDetail", { cards: n(liability.cardsWithStampReward) })}
                />
                <KpiCard label={t("liability.stamps")} value={n(liability.stampsOutstanding)} detail={t("liability.stampsDetail")} />
              </>
            ) : null}
            {points ? (
              <KpiCard label={t("liability.points")} value={n(liability.pointsOutstanding)} detail={t("liability.pointsDetail")} />
            ) : null}
          </dl>
        </Section>

        <Section id="activity" title={t("chart.title")} description={t("chart.description")}>
          <ActivityChartLazy
            days={series.days}
            total={figureColumns(series.total)}
            splitUrl="/dashboard/activity"
            metrics={metrics}
            locale={locale}
            labels={await activityChartLabels()}
          />
        </Section>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <BreakdownTable
            title={t("byStore.title")}
            nameHeader={t("byStore.name")}
            rows={stats.byStore
              .filter((row) => row.storeId || counted(row))
              .map((row) => ({ ...row, key: row.storeId ?? "none", name: storeName(row.name, row.storeId) }))}
            headers={{
              stamps: t("chart.stamps"),
              points: t("chart.points"),
              redeemed: t("chart.redemptions"),
              members: t("chart.newMembers"),
            }}
            show={{ stamps, points }}
            empty={t("byStore.empty")}
            format={n}
          />
          <BreakdownTable
            title={t("byStaff.title")}
            nameHeader={t("byStaff.name")}
            rows={stats.byStaff
              .filter((row) => row.staffMemberId || counted(row))
              .map((row) => ({ ...row, key: row.staffMemberId ?? "none", name: staffName(row.name, row.staffMemberId) }))}
            headers={{
              stamps: t("chart.stamps"),
              points: t("chart.points"),
              redeemed: t("chart.redemptions"),
              members: t("chart.newMembers"),
            }}
            show={{ stamps, points }}
            empty={t("byStaff.empty")}
            format={n}
          />
        </div>
      </div>
    </>
  );
}

type BreakdownRow = { key: string; name: string } & {
  stampsIssued: number;
  pointsIssued: number;
  rewardsRedeemed: number;
  newMembers: number;
};

/** The last 30 days by store or by staff member, as a table. */
function BreakdownTable(props: {
  title: string;
  nameHeader: string;
  rows: BreakdownRow[];
  headers: { stamps: string; points: string; redeemed: string; members: string };
  show: { stamps: boolean; points: boolean };
  empty: string;
  format: (value: number) => string;
}) {
  const { title, nameHeader, rows, headers, show, empty, format } = props;
  return (
    <Section title={title}>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-200 text-stone-600">
                <th scope="col" className="py-2 pr-4 font-semibold">
                  {nameHeader}
                </th>
                {show.stamps ? (
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">
                    {headers.stamps}
                  </th>
                ) : null}
                {show.points ? (
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">
                    {headers.points}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-4 text-right font-semibold">
                  {headers.redeemed}
                </th>
                <th scope="col" className="py-2 text-right font-semibold">
                  {headers.members}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-stone-100 last:border-0">
                  <th scope="row" className="py-2 pr-4 font-medium text-stone-900">
                    {row.name}
                  </th>
                  {show.stamps ? <td className="py-2 pr-4 text-right tabular-nums">{format(row.stampsIssued)}</td> : null}
                  {show.points ? <td className="py-2 pr-4 text-right tabular-nums">{format(row.pointsIssued)}</td> : null}
                  <td className="py-2 pr-4 text-right tabular-nums">{format(row.rewardsRedeemed)}</td>
                  <td className="py-2 text-right tabular-nums">{format(row.newMembers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
