"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from "@/lib/domain/pin-policy";

export type PinPadLabels = { pin: string; submit: string; pending: string; clear: string; backspace: string; cancel?: string };

/**
 * A PIN pad with large keys for touch, and a masked field for a keyboard. The PIN lives only in
 * this component's state until it is sent, and is wiped at once: nothing is kept in the browser.
 */
export function PinPad({
  title,
  labels,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  labels: PinPadLabels;
  pending: boolean;
  error?: string | null;
  onSubmit: (pin: string) => void;
  onCancel?: () => void;
}) {
  const [pin, setPin] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const press = (digit: string) => {
    setPin((current) => (current.length < PIN_MAX_LENGTH ? current + digit : current));
    input.current?.focus();
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (pending || pin.length < PIN_MIN_LENGTH) return;
    const typed = pin;
    setPin("");
    onSubmit(typed);
  };
  const key =
    "flex h-16 items-center justify-center rounded-xl bg-white text-2xl font-semibold text-stone-900 shadow-sm ring-1 ring-stone-300 hover:bg-stone-50 active:bg-stone-200 focus-visible:outline-3 focus-visible:outline-brand-600 disabled:opacity-50 sm:h-20";
  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-sm space-y-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-center text-xl font-semibold text-stone-900">
        {title}
      </h2>
      <div>
        <label htmlFor={`${id}-pin`} className="sr-only">
          {labels.pin}
        </label>
        <input
          ref={input}
          id={`${id}-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          maxLength={PIN_MAX_LENGTH}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, "").slice(0, PIN_MAX_LENGTH))}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block h-16 w-full rounded-xl border border-stone-300 bg-white text-center text-3xl tracking-[0.5em] text-stone-900 focus-visible:outline-3 focus-visible:outline-brand-600"
        />
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-base text-red-900">
          {error}
        </p>
      ) : null}
      <div className="grid grid-cols-3 gap-3">
        {["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((digit) => (
          <button key={digit} type="button" className={key} onClick={() => press(digit)} disabled={pending}>
            {digit}
          </button>
        ))}
        <button type="button" className={`${key} text-base`} onClick={() => setPin("")} disabled={pending}>
          {labels.clear}
        </button>
        <button type="button" className={key} onClick={() => press("0")} disabled={pending}>
          0
        </button>
        <button
          type="button"
          className={key}
          onClick={() => setPin((current) => current.slice(0, -1))}
          disabled={pending}
          aria-label={labels.backspace}
        >
          ⌫
        </button>
      </div>
      <div className="flex gap-3">
        {onCancel ? (
          <button
            type="button"
            onClick={onCancel}
            className="h-14 flex-1 rounded-xl bg-stone-200 text-lg font-semibold text-stone-900 hover:bg-stone-300 focus-visible:outline-3 focus-visible:outline-brand-600"
          >
            {labels.cancel}
          </button>
        ) : null}
        <button
          type="submit"
          disabled={pending || pin.length < PIN_MIN_LENGTH}
          className="h-14 flex-[2] rounded-xl bg-brand-700 text-lg font-semibold text-white hover:bg-brand-800 focus-visible:outline-3 focus-visible:outline-brand-600 disabled:opacity-50"
        >
          {pending ? labels.pending : labels.submit}
        </button>
      </div>
    </form>
  );
}
