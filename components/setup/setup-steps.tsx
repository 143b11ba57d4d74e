/** The guided setup's steps, with the current one marked for sight and screen readers. */
export function SetupSteps({ steps, current, label }: { steps: string[]; current: number; label: string }) {
  return (
    <nav aria-label={label} className="mb-8">
      <ol className="grid gap-2 sm:grid-cols-4">
        {steps.map((step, index) => {
          const state = index < current ? "done" : index === current ? "current" : "todo";
          return (
            <li
              key={step}
              aria-current={state === "current" ? "step" : undefined}
              className={`flex items-center gap-3 rounded-lg border px-3 py-2 text-sm ${
                state === "current"
                  ? "border-brand-600 bg-brand-50 font-semibold text-brand-900"
                  : state === "done"
                    ? "border-emerald-200 bg-emerald-50 text-emerald-900"
                    : "border-stone-200 bg-white text-stone-600"
              }`}
            >
              <span
                aria-hidden="true"
                className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                  state === "done"
                    ? "bg-emerald-700 text-white"
                    : state === "current"
                      ? "bg-brand-700 text-white"
                      : "bg-stone-200 text-stone-700"
                }`}
              >
                {state === "done" ? "✓" : index + 1}
              </span>
              {step}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
