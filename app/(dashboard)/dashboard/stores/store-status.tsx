/** Open or archived, in words and colour (the words carry the meaning; the colour only helps). */
export function StoreStatus({ archived, label }: { archived: boolean; label: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ${
        archived ? "bg-stone-100 text-stone-700" : "bg-emerald-50 text-emerald-800"
      }`}
    >
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${archived ? "bg-stone-400" : "bg-emerald-600"}`} />
      {label}
    </span>
  );
}
