import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { ActivityChartLazy } from "@/components/overview/activity-chart-lazy";
import { KpiCard } from "@/components/overview/kpi-card";
import { getPlatformStats } from "@/lib/admin/get-platform-stats";
import { requirePlatformAdmin } from "@/lib/auth/session";
import { listJobStatuses } from "@/lib/jobs/list-job-runs";
import { figureColumns } from "@/lib/stats/get-activity-series";
import { activityChartLabels } from "@/components/overview/activity-chart-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.overview"))("title") };
}

/** The platform at a glance: merchants, stores, members, activity today and over 30 days, wallet passes, deliveries in trouble. */
export default async function AdminOverviewPage() {
  const { ctx } = await requirePlatformAdmin();
  const [{ stats, series }, jobs, t, format, locale, labels] = await Promise.all([
    getPlatformStats(ctx),
    listJobStatuses(ctx.clock.now()),
    getTranslations("admin.overview"),
    getFormatter(),
    getLocale(),
    activityChartLabels(),
  ]);
  const n = (value: number) => format.number(value);
  const period = (counts: { today: number; last30Days: number }) => t("period", { today: n(counts.today), month: n(counts.last30Days) });
  const troubled = stats.outbox.failing + stats.outbox.dead;
  const jobFailures = jobs.reduce((sum, job) => sum + job.failuresLast24h, 0);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {troubled > 0 ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            {t("outboxWarning", { failing: n(stats.outbox.failing), dead: n(stats.outbox.dead) })}{" "}
            <Link href="/admin/outbox" className="font-semibold underline">
              {t("outboxLink")}
            </Link>
          </p>
        ) : null}
        {jobFailures > 0 ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            {t("jobsWarning", { count: jobFailures })}{" "}
            <Link href="/admin/jobs" className="font-semibold underline">
              {t("jobsLink")}
            </Link>
          </p>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <KpiCard
            label={t("kpi.merchants")}
            value={n(stats.merchants.total)}
            detail={t("kpi.merchantsDetail", { active: n(stats.merchants.active), suspended: n(stats.merchants.suspended) })}
          />
          <KpiCard label={t("kpi.stores")} value={n(stats.stores)} />
          <KpiCard
            label={t("kpi.members")}
            value={n(stats.members)}
            detail={t("kpi.membersDetail", { active: n(stats.activeMembers30Days) })}
          />
          <KpiCard label={t("kpi.newMembers")} value={n(stats.newMembers.last30Days)} detail={period(stats.newMembers)} />
          <KpiCard label={t("kpi.stamps")} value={n(stats.stampsIssued.last30Days)} detail={period(stats.stampsIssued)} />
          <KpiCard label={t("kpi.points")} value={n(stats.pointsIssued.last30Days)} detail={period(stats.pointsIssued)} />
          <KpiCard label={t("kpi.redemptions")} value={n(stats.rewardsRedeemed.last30Days)} detail={period(stats.rewardsRedeemed)} />
          <KpiCard
            label={t("kpi.passes")}
            value={n(stats.walletPasses.apple + stats.walletPasses.google)}
            detail={t("kpi.passesDetail", { apple: n(stats.walletPasses.apple), google: n(stats.walletPasses.google) })}
          />
        </dl>
        <Section id="activity" title={t("chart.title")} description={t("chart.description")}>
          <ActivityChartLazy
            days={series.days}
            total={figureColumns(series.total)}
            metrics={["stamps", "points", "newMembers", "redemptions"]}
            locale={locale}
            labels={labels}
          />
        </Section>
      </div>
    </>
  );
}
