import Link from "next/link";

/** The end of a list's filter form (a GET form): apply, and, once something is filtered, a link back to the whole list. */
export function FilterActions({
  submitLabel,
  clearLabel,
  clearHref,
  filtered,
}: {
  submitLabel: string;
  clearLabel: string;
  clearHref: string;
  filtered: boolean;
}) {
  return (
    <div className="flex items-center gap-4">
      <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-900">
        {submitLabel}
      </button>
      {filtered ? (
        <Link href={clearHref} className="text-sm font-medium text-stone-700 underline underline-offset-2 hover:text-stone-900">
          {clearLabel}
        </Link>
      ) : null}
    </div>
  );
}
