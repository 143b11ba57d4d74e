import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { FilterActions } from "@/components/forms/filter-actions";
import { FilterSelect } from "@/components/forms/filter-select";
import { PageHeader } from "@/components/dashboard/page-header";
import { Section } from "@/components/dashboard/section";
import { jobRunsQuerySchema } from "@/lib/admin/schemas";
import { requirePlatformAdmin } from "@/lib/auth/session";
import { listJobRuns, listJobStatuses, type JobRunView } from "@/lib/jobs/list-job-runs";
import type { JobSchedule } from "@/lib/jobs/scheduler";
import { stackedTable as st } from "../../../(dashboard)/dashboard/settings/stacked-table";
import { parseQueryParams } from "../query-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.jobs"))("title") };
}

const PATH = "/admin/jobs";
const KNOWN_JOBS = ["loyalty.sync_wallet_passes", "loyalty.expire_points", "loyalty.birthday_rewards", "loyalty.prune_records"];
const SUMMARY_KEYS = ["cards", "points", "rateLimits", "idempotencyRecords", "outboxEvents", "jobRuns"];
const OUTCOME_CLASS: Record<JobRunView["status"], string> = {
  succeeded: "font-semibold text-green-800",
  failed: "font-semibold text-red-800",
  running: "font-semibold text-amber-800",
};

/** The recurring jobs (wallet sync, points expiry, birthday rewards, old records cleanup): each one's last run and recent failures, then the latest runs. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx } = await requirePlatformAdmin();
  const query = parseQueryParams(jobRunsQuerySchema, await searchParams);
  const [statuses, t, format] = await Promise.all([listJobStatuses(ctx.clock.now()), getTranslations("admin.jobs"), getFormatter()]);
  // Only a scheduled job's name filters: anything else in the address shows every job.
  const job = statuses.some((status) => status.job === query.job) ? query.job : undefined;
  const runs = await listJobRuns({ job, status: query.status, limit: 50 });
  const filtered = !!(job || query.status);

  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  const jobName = (name: string) => (KNOWN_JOBS.includes(name) ? t(`names.${name.replaceAll(".", "_")}`) : name);
  const schedule = (value: JobSchedule) =>
    value.kind === "hourly" ? t("schedule.hourly") : t("schedule.daily", { time: `${String(value.hour).padStart(2, "0")}:00` });
  const duration = (run: JobRunView) => {
    if (run.durationMs === null) return "—";
    const unit = (value: number, name: "millisecond" | "second" | "minute") =>
      format.number(value, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: 1 });
    if (run.durationMs < 1000) return unit(run.durationMs, "millisecond");
    if (run.durationMs < 60_000) return unit(run.durationMs / 1000, "second");
    return unit(run.durationMs / 60_000, "minute");
  };
  const summary = (run: JobRunView) =>
    Object.entries(run.summary ?? {})
      .filter(([, count]) => count !== 0)
      .map(([key, count]) => (SUMMARY_KEYS.includes(key) ? t(`summary.${key}`, { count }) : `${key}: ${format.number(count)}`))
      .join(" · ");
  const outcome = (run: JobRunView) => <span className={OUTCOME_CLASS[run.status]}>{t(`outcomes.${run.status}`)}</span>;
  const result = (run: JobRunView) =>
    run.status === "failed" ? (
      <code className="text-xs break-words whitespace-pre-wrap text-red-900">{run.error ?? "—"}</code>
    ) : run.status === "running" ? (
      <span className="text-stone-600">{t("stillRunning")}</span>
    ) : (
      <span className="text-stone-700">{summary(run) || t("nothingToDo")}</span>
    );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <Section title={t("jobs.title")} description={t("jobs.description")}>
          <table className={st.table}>
            <caption className="sr-only">{t("jobs.caption")}</caption>
            <thead className={st.thead}>
              <tr>
                <th scope="col" className={st.th}>
                  {t("jobs.job")}
                </th>
                <th scope="col" className={st.th}>
                  {t("jobs.lastRun")}
                </th>
                <th scope="col" className={st.th}>
                  {t("jobs.duration")}
                </th>
                <th scope="col" className={st.th}>
                  {t("jobs.result")}
                </th>
                <th scope="col" className={`${st.th} whitespace-nowrap`}>
                  {t("jobs.failures")}
                </th>
              </tr>
            </thead>
            <tbody className={st.tbody}>
              {statuses.map((status) => (
                <tr key={status.job} className={st.tr}>
                  <th scope="row" className={`${st.cell} font-normal`}>
                    <span className="font-semibold text-stone-900">{jobName(status.job)}</span>
                    <span className="block text-xs text-stone-600">{schedule(status.schedule)}</span>
                  </th>
                  <td className={st.cell}>
                    <span className={st.label}>{t("jobs.lastRun")}:</span>
                    {status.lastRun ? (
                      <>
                        {outcome(status.lastRun)}
                        <span className="block text-xs whitespace-nowrap text-stone-600">{when(status.lastRun.startedAt)}</span>
                      </>
                    ) : (
                      <span className="text-stone-600">{t("jobs.neverRun")}</span>
                    )}
                  </td>
                  <td className={`${st.cell} text-stone-700`}>
                    <span className={st.label}>{t("jobs.duration")}:</span>
                    {status.lastRun ? duration(status.lastRun) : "—"}
                  </td>
                  <td className={`${st.cell} max-w-md`}>
                    <span className={st.label}>{t("jobs.result")}:</span>
                    {status.lastRun ? result(status.lastRun) : "—"}
                  </td>
                  <td className={st.cell}>
                    <span className={st.label}>{t("jobs.failures")}:</span>
                    <span className={status.failuresLast24h > 0 ? "font-semibold text-red-800" : "text-stone-700"}>
                      {format.number(status.failuresLast24h)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>

        <Section title={t("runs.title")} description={t("runs.description")}>
          <form method="get" action={PATH} className="mb-4 flex flex-col gap-4 md:flex-row md:items-end">
            <FilterSelect
              id="jobs-job"
              name="job"
              label={t("filters.job")}
              value={job}
              anyLabel={t("filters.anyJob")}
              options={statuses.map((status) => ({ value: status.job, label: jobName(status.job) }))}
            />
            <FilterSelect
              id="jobs-status"
              name="status"
              label={t("filters.status")}
              value={query.status}
              anyLabel={t("filters.anyStatus")}
              options={(["failed", "succeeded", "running"] as const).map((status) => ({ value: status, label: t(`outcomes.${status}`) }))}
            />
            <FilterActions submitLabel={t("filters.submit")} clearLabel={t("filters.clear")} clearHref={PATH} filtered={filtered} />
          </form>
          {runs.length === 0 ? (
            <p className="text-sm text-stone-600">{filtered ? t("runs.noneMatching") : t("runs.none")}</p>
          ) : (
            <table className={st.table}>
              <caption className="sr-only">{t("runs.caption")}</caption>
              <thead className={st.thead}>
                <tr>
                  <th scope="col" className={st.th}>
                    {t("runs.run")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("runs.merchant")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("runs.outcome")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("jobs.duration")}
                  </th>
                  <th scope="col" className={st.th}>
                    {t("jobs.result")}
                  </th>
                </tr>
              </thead>
              <tbody className={st.tbody}>
                {runs.map((run) => (
                  <tr key={run.id} className={st.tr}>
                    <th scope="row" className={`${st.cell} font-normal`}>
                      <span className="font-semibold text-stone-900">{jobName(run.job)}</span>
                      <span className="block text-xs whitespace-nowrap text-stone-600">{when(run.startedAt)}</span>
                    </th>
                    <td className={st.cell}>
                      <span className={st.label}>{t("runs.merchant")}:</span>
                      {run.merchantId ? (
                        <Link href={`/admin/merchants/${run.merchantId}`} className="text-brand-700 underline underline-offset-2">
                          {run.merchantName ?? t("runs.removedMerchant")}
                        </Link>
                      ) : (
                        <span className="text-stone-600">{t("runs.allMerchants")}</span>
                      )}
                    </td>
                    <td className={st.cell}>
                      <span className={st.label}>{t("runs.outcome")}:</span>
                      {outcome(run)}
                      {run.attempts > 1 ? (
                        <span className="block text-xs text-stone-600">{t("runs.attempts", { count: run.attempts })}</span>
                      ) : null}
                    </td>
                    <td className={`${st.cell} text-stone-700`}>
                      <span className={st.label}>{t("jobs.duration")}:</span>
                      {duration(run)}
                    </td>
                    <td className={`${st.cell} max-w-md`}>
                      <span className={st.label}>{t("jobs.result")}:</span>
                      {result(run)}
                    </td>
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
