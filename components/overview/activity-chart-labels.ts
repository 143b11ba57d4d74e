import { getTranslations } from "next-intl/server";
import type { ActivityChartProps } from "@/components/overview/activity-chart";

/** The activity chart's labels, in the dashboard overview's wording (the admin console shows the same chart). */
export async function activityChartLabels(): Promise<ActivityChartProps["labels"]> {
  const t = await getTranslations("dashboard.overview");
  return {
    title: t("chart.measure"),
    metrics: {
      stamps: t("chart.stamps"),
      points: t("chart.points"),
      newMembers: t("chart.newMembers"),
      redemptions: t("chart.redemptions"),
    },
    splits: { total: t("chart.total"), store: t("chart.byStore"), staff: t("chart.byStaff") },
    splitLabel: t("chart.split"),
    range: t("chart.range"),
    days30: t("chart.days30"),
    days90: t("chart.days90"),
    total: t("chart.all"),
    others: t("chart.others"),
    table: t("chart.table"),
    day: t("chart.day"),
    empty: t("chart.empty"),
    loading: t("chart.loading"),
    loadError: t("chart.loadError"),
    retry: t("chart.retry"),
    removed: t("removed"),
    noStore: t("noStore"),
    noStaff: t("noStaff"),
  };
}
