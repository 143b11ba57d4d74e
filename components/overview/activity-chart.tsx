"use client";

import { useId, useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartFigures = { stamps: number; points: number; newMembers: number; redemptions: number };
type Metric = keyof ChartFigures;
type Split = "total" | "store" | "staff";

export type ActivityChartProps = {
  days: string[];
  total: ChartFigures[];
  byStore: { key: string; name: string; figures: ChartFigures[] }[];
  byStaff: { key: string; name: string; figures: ChartFigures[] }[];
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
  };
};

// Distinct colors that keep 3:1 contrast on white.
const PALETTE = ["#8a522c", "#1d4ed8", "#047857", "#b91c1c", "#6d28d9", "#b45309", "#0e7490", "#be185d"];

/** Activity per day over 30 or 90 days, for one measure, in total or stacked by store or staff member; with the data as a table. */
export function ActivityChart({ days, total, byStore, byStaff, metrics, locale, labels }: ActivityChartProps) {
  const id = useId();
  const [metric, setMetric] = useState<Metric>(metrics[0] ?? "stamps");
  const [split, setSplit] = useState<Split>("total");
  const [range, setRange] = useState<30 | 90>(30);

  const groups = useMemo(() => {
    if (split === "total") return [{ key: "total", name: labels.total, figures: total }];
    const list = split === "store" ? byStore : byStaff;
    // The busiest groups get their own color; the rest are summed as one.
    const ranked = [...list].sort((a, b) => sum(b.figures, metric) - sum(a.figures, metric)).filter((group) => sum(group.figures, metric) > 0);
    if (ranked.length <= PALETTE.length) return ranked;
    const rest = ranked.slice(PALETTE.length - 1);
    const others = {
      key: "others",
      name: labels.others,
      figures: total.map((_, index) => sumDay(rest.map((group) => group.figures[index]!))),
    };
    return [...ranked.slice(0, PALETTE.length - 1), others];
  }, [split, byStore, byStaff, total, metric, labels.total, labels.others]);

  const from = days.length - range;
  const dayFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const data = days.slice(from).map((day, offset) => {
    const row: Record<string, string | number> = { day: dayFormat.format(new Date(`${day}T00:00:00Z`)) };
    for (const group of groups) row[group.key] = group.figures[from + offset]?.[metric] ?? 0;
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
        <label className="text-sm text-stone-700" htmlFor={`${id}-split`}>
          <span className="mr-2">{labels.splitLabel}</span>
          <select
            id={`${id}-split`}
            value={split}
            onChange={(event) => setSplit(event.target.value as Split)}
            className="rounded-md border border-stone-300 bg-white px-2 py-1.5"
          >
            {(["total", "store", "staff"] as const).map((name) => (
              <option key={name} value={name}>
                {labels.splits[name]}
              </option>
            ))}
          </select>
        </label>
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
      <div className="mt-4 h-72" aria-hidden="true">
        {hasData ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
              <XAxis dataKey="day" tick={{ fontSize: 12, fill: "#57534e" }} interval="preserveStartEnd" minTickGap={16} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#57534e" }} width={48} tickFormatter={(value: number) => numberFormat.format(value)} />
              <Tooltip formatter={(value) => numberFormat.format(Number(value))} />
              {groups.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              {groups.map((group, index) => (
                <Bar key={group.key} dataKey={group.key} name={group.name} stackId="a" fill={PALETTE[index % PALETTE.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="flex h-full items-center justify-center rounded-lg border border-dashed border-stone-300 text-sm text-stone-600">{labels.empty}</p>
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

function sum(figures: ChartFigures[], metric: Metric): number {
  return figures.reduce((total, day) => total + day[metric], 0);
}

function sumDay(days: ChartFigures[]): ChartFigures {
  return days.reduce(
    (total, day) => ({
      stamps: total.stamps + day.stamps,
      points: total.points + day.points,
      newMembers: total.newMembers + day.newMembers,
      redemptions: total.redemptions + day.redemptions,
    }),
    { stamps: 0, points: 0, newMembers: 0, redemptions: 0 },
  );
}
