"use client";

import { useId, useRef } from "react";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

type LocaleSwitcherProps = {
  current: Locale;
  action: (formData: FormData) => Promise<void>;
  labels: { label: string; submit: string };
};

/** A language picker that works without JavaScript (the button) and submits on change with it. */
export function LocaleSwitcher({ current, action, labels }: LocaleSwitcherProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="sr-only">
        {labels.label}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={current}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-stone-800"
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-2 py-1.5">
          {labels.submit}
        </button>
      </noscript>
    </form>
  );
}
