/** The merchant's branding at the top of a customer page: their colors, logo and names. */
export function BrandHeader({
  merchantName,
  title,
  subtitle,
  colors,
  logoUrl,
}: {
  merchantName: string;
  title: string;
  subtitle?: string;
  colors: { background: string; foreground: string; label: string };
  logoUrl: string | null;
}) {
  return (
    <header className="rounded-2xl px-5 py-6 shadow-sm" style={{ backgroundColor: colors.background, color: colors.foreground }}>
      <div className="flex items-center gap-4">
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- the logo route already serves a small, cached image
          <img src={logoUrl} alt="" className="h-14 w-14 shrink-0 rounded-xl bg-white/10 object-contain" />
        ) : null}
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-wide" style={{ color: colors.label }}>
            {merchantName}
          </p>
          <h1 className="text-2xl font-bold leading-tight">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm opacity-90">{subtitle}</p> : null}
        </div>
      </div>
    </header>
  );
}
