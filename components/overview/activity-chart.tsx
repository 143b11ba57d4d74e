"use client";

import { useCallback, useId, useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Metric = "stamps" | "points" | "newMembers" | "redemptions";
/** One series: a number per day for each measure (columns, not one object per day: a small page payload). */
export type ChartSeries = { key: string; name: string; values: Record<Metric, number[]> };
type Split = "total" | "store" | "staff";
type SplitState = { status: "loading" } | { status: "error" } | { status: "ready"; series: ChartSeries[] };
/** What `<splitUrl>/<store|staff>` answers: the days it covers, and each group's columns (id or name null: see labels). */
type SplitAnswer = { days: string[]; groups: { id: string | null; name: string | null; values: Record<Metric, number[]> }[] };

export type ActivityChartProps = {
  days: string[];
  total: Record<Metric, number[]>;
  /** Where the split by store or staff member is fetched from when it is chosen; without it, totals only (the admin console's platform chart). */
  splitUrl?: string;
  metrics: Metric[];
  locale: string;
  labels: {
    title: string;
    metrics: Record<Metric, string>;
    splits: Record<Split, string>;
    splitLabel: string;
    range: string;
    days30: string;
    days90: string;
    total: string;
    others: string;
    table: string;
    day: string;
    empty: string;
    loading: string;
    loadError: string;
    retry: string;
    removed: string;
    noStore: string;
    noStaff: string;
  };
};

// Distinct colors that keep 3:1 contrast on white.
const PALETTE = ["#8a522c", "#1d4ed8", "#047857", "#b91c1c", "#6d28d9", "#b45309", "#0e7490", "#be185d"];

/** Activity per day over 30 or 90 days, for one measure, in total or stacked by store or staff member; with the data as a table. */
export function ActivityChart({ days, total, splitUrl, metrics, locale, labels }: ActivityChartProps) {
  const id = useId();
  const [metric, setMetric] = useState<Metric>(metrics[0] ?? "stamps");
  const [split, setSplit] = useState<Split>("total");
  const [range, setRange] = useState<30 | 90>(30);
  const [splits, setSplits] = useState<Partial<Record<"store" | "staff", SplitState>>>({});

  const load = useCallback(
    async (which: "store" | "staff") => {
      setSplits((current) => ({ ...current, [which]: { status: "loading" } }));
      try {
        const response = await fetch(`${splitUrl}/${which}`, { headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const answer = (await response.json()) as SplitAnswer;
        const unnamed = which === "store" ? labels.noStore : labels.noStaff;
        const series = answer.groups.map((group) => ({
          key: group.id ?? "none",
          name: group.name ?? (group.id ? labels.removed : unnamed),
          values: alignColumns(answer.days, days, group.values),
        }));
        setSplits((current) => ({ ...current, [which]: { status: "ready", series } }));
      } catch {
        setSplits((current) => ({ ...current, [which]: { status: "error" } }));
      }
    },
    [splitUrl, days, labels.noStore, labels.noStaff, labels.removed],
  );

  const chooseSplit = (next: Split) => {
    setSplit(next);
    if (next !== "total" && (!splits[next] || splits[next].status === "error")) void load(next);
  };

  const splitState = split === "total" ? null : splits[split];
  const groups = useMemo((): ChartSeries[] => {
    if (split === "total") return [{ key: "total", name: labels.total, values: total }];
    const list = splitState?.status === "ready" ? splitState.series : [];
    // The busiest groups get their own color; the rest are added up as one.
    const ranked = [...list].sort((a, b) => sum(b.values[metric]) - sum(a.values[metric])).filter((group) => sum(group.values[metric]) > 0);
    if (ranked.length <= PALETTE.length) return ranked;
    const rest = ranked.slice(PALETTE.length - 1);
    const others: ChartSeries = {
      key: "others",
      name: labels.others,
      values: {
        stamps: [],
        points: [],
        newMembers: [],
        redemptions: [],
        [metric]: days.map((_, day) => sum(rest.map((group) => group.values[metric][day] ?? 0))),
      },
    };
    return [...ranked.slice(0, PALETTE.length - 1), others];
  }, [split, splitState, total, metric, days, labels.total, labels.others]);

  const from = days.length - range;
  const dayFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const data = days.slice(from).map((day, offset) => {
    const row: Record<string, string | number> = { day: dayFormat.format(new Date(`${day}T00:00:00Z`)) };
    for (const group of groups) row[group.key] = group.values[metric][from + offset] ?? 0;
    return row;
  });
  const hasData = data.some((row) => groups.some((group) => Number(row[group.key]) > 0));
  const numberFormat = new Intl.NumberFormat(locale);

  return (
    <div>
      <div className="flex flex-wrap items-end gap-4">
        <div role="group" aria-label={labels.title} className="flex flex-wrap gap-1 rounded-lg bg-stone-100 p-1">
          {metrics.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={metric === name}
              onClick={() => setMetric(name)}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 aria-pressed:bg-white aria-pressed:text-brand-900 aria-pressed:shadow-sm"
            >
              {labels.metrics[name]}
            </button>
          ))}
        </div>
        {splitUrl ? (
          <label className="text-sm text-stone-700" htmlFor={`${id}-split`}>
            <span className="mr-2">{labels.splitLabel}</span>
            <select
              id={`${id}-split`}
              value={split}
              onChange={(event) => chooseSplit(event.target.value as Split)}
              className="rounded-md border border-stone-300 bg-white px-2 py-1.5"
            >
              {(["total", "store", "staff"] as const).map((name) => (
                <option key={name} value={name}>
                  {labels.splits[name]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div role="group" aria-label={labels.range} className="flex gap-1 rounded-lg bg-stone-100 p-1">
          {([30, 90] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={range === value}
              onClick={() => setRange(value)}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 aria-pressed:bg-white aria-pressed:text-brand-900 aria-pressed:shadow-sm"
            >
              {value === 30 ? labels.days30 : labels.days90}
            </button>
          ))}
        </div>
      </div>
      {splitState?.status === "error" ? (
        <p
          role="alert"
          className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          {labels.loadError}
          <button type="button" onClick={() => void load(split as "store" | "staff")} className="font-semibold underline">
            {labels.retry}
          </button>
        </p>
      ) : null}
      {splitState?.status === "loading" ? (
        <p role="status" className="sr-only">
          {labels.loading}
        </p>
      ) : null}
      <div className="mt-4 h-72" aria-hidden="true">
        {splitState?.status === "loading" ? (
          <div className="h-full animate-pulse rounded-lg bg-stone-100" />
        ) : hasData ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
              <XAxis dataKey="day" tick={{ fontSize: 12, fill: "#57534e" }} interval="preserveStartEnd" minTickGap={16} />
              <YAxis
                allowDecimals={false}
                tick={{ fontSize: 12, fill: "#57534e" }}
                width={48}
                tickFormatter={(value: number) => numberFormat.format(value)}
              />
              <Tooltip formatter={(value) => numberFormat.format(Number(value))} />
              {groups.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              {groups.map((group, index) => (
                <Bar
                  key={group.key}
                  dataKey={group.key}
                  name={group.name}
                  stackId="a"
                  fill={PALETTE[index % PALETTE.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="flex h-full items-center justify-center rounded-lg border border-dashed border-stone-300 text-sm text-stone-600">
            {labels.empty}
          </p>
        )}
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">{labels.table}</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left">
            <caption className="sr-only">
              {labels.metrics[metric]} · {labels.splits[split]}
            </caption>
            <thead className="sticky top-0 bg-white">
              <tr>
                <th scope="col" className="py-1 pr-4 font-semibold">
                  {labels.day}
                </th>
                {groups.map((group) => (
                  <th key={group.key} scope="col" className="py-1 pr-4 text-right font-semibold">
                    {group.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr key={String(row.day)} className="border-t border-stone-100">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {row.day}
                  </th>
                  {groups.map((group) => (
                    <td key={group.key} className="py-1 pr-4 text-right tabular-nums">
                      {numberFormat.format(Number(row[group.key]))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

/** Columns of the days `from` laid on the days `to` (the page's): the same days normally, shifted if a day has passed between the two. */
function alignColumns(from: string[], to: string[], values: Record<Metric, number[]>): Record<Metric, number[]> {
  const position = new Map(from.map((day, index) => [day, index]));
  const pick = (column: number[]) => to.map((day) => column[position.get(day) ?? -1] ?? 0);
  return {
    stamps: pick(values.stamps),
    points: pick(values.points),
    newMembers: pick(values.newMembers),
    redemptions: pick(values.redemptions),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
