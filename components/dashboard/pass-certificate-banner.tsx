/** The warning that the Apple pass certificate expires soon (dashboard owners, admin console). */
export function PassCertificateBanner({ title, body }: { title: string; body: string }) {
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-6 py-3 text-sm text-amber-950">
      <strong>{title}</strong> {body}
    </div>
  );
}
