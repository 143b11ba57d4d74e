/** A merchant's status as a small colored label (the word itself carries the meaning, not the color). */
export function StatusBadge({ status, label }: { status: "active" | "suspended"; label: string }) {
  const colors = status === "suspended" ? "bg-red-100 text-red-900 ring-red-300" : "bg-emerald-50 text-emerald-900 ring-emerald-300";
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${colors}`}>{label}</span>;
}
