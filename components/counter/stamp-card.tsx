/** The stamps as a paper card: filled circles for the stamps, empty ones for what is left. */
export function StampCard({ count, target, label }: { count: number; target: number; label: string }) {
  const shown = Math.min(target, 30);
  return (
    <figure className="rounded-2xl bg-brand-900 p-4 text-white">
      <div role="img" aria-label={label} className="grid grid-cols-5 gap-3">
        {Array.from({ length: shown }, (_, index) => (
          <span
            key={index}
            className={`flex aspect-square items-center justify-center rounded-full border-2 text-lg font-bold ${
              index < count ? "border-amber-300 bg-amber-300 text-brand-900" : "border-white/50"
            }`}
          >
            {index < count ? "★" : ""}
          </span>
        ))}
      </div>
      <figcaption className="mt-3 text-center text-lg font-semibold">{label}</figcaption>
    </figure>
  );
}
