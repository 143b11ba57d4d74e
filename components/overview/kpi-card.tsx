import type { ReactNode } from "react";

/** One key figure with its label and what it is compared with. */
export function KpiCard({ label, value, detail }: { label: string; value: string; detail?: ReactNode }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-stone-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums text-stone-900">{value}</dd>
      {detail ? <dd className="mt-1 text-sm text-stone-600">{detail}</dd> : null}
    </div>
  );
}
