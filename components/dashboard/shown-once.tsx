"use client";

import { useEffect, useRef, useState } from "react";

type ShownOnceProps = {
  title: string;
  /** The secret (a PIN, an API key): on screen until the person presses done, then gone for good. */
  value: string;
  valueLabel: string;
  warning: string;
  doneLabel: string;
  onDone: () => void;
  /** With these labels, a button copies the value to the clipboard. */
  copy?: { label: string; copied: string; failed: string };
  /** The box's heading level: 3 inside a dashboard Section (whose heading is an h2). */
  headingLevel?: 2 | 3;
};

/**
 * A secret shown right after it was made, once: a prominent box that takes
 * the focus (so a screen reader reads it at once), the value in large
 * characters, a plain warning, and an optional copy button.
 */
export function ShownOnce({ title, value, valueLabel, warning, doneLabel, onDone, copy, headingLevel = 3 }: ShownOnceProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => heading.current?.focus(), []);

  const copyValue = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  };

  return (
    <section aria-labelledby="shown-once-title" className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5 shadow-sm sm:p-6">
      <Heading id="shown-once-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-stone-900 focus:outline-none">
        {title}
      </Heading>
      <p className="mt-1 font-medium text-amber-950">{warning}</p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <output
          aria-label={valueLabel}
          className={`block max-w-full select-all break-all rounded-lg border border-amber-300 bg-white px-4 py-3 font-mono font-semibold text-stone-900 ${
            // A PIN reads best large and spaced; a long key must fit a phone's width.
            value.length > 12 ? "text-base sm:text-lg" : "text-2xl tracking-wider"
          }`}
        >
          {value}
        </output>
        {copy ? (
          <button
            type="button"
            onClick={copyValue}
            className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-stone-900 hover:bg-stone-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            {copy.label}
          </button>
        ) : null}
        <span aria-live="polite" className="text-sm text-stone-700">
          {copy && copyState === "copied" ? copy.copied : copy && copyState === "failed" ? copy.failed : ""}
        </span>
      </div>
      <button
        type="button"
        onClick={onDone}
        className="mt-5 rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
      >
        {doneLabel}
      </button>
    </section>
  );
}
