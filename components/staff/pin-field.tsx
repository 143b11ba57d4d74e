"use client";

import { useState } from "react";
import { FieldErrors, inputClassName } from "@/components/forms/field";
import { PIN_MAX_LENGTH, suggestPin } from "@/lib/domain/pin-policy";

type PinFieldProps = {
  label: string;
  hint: string;
  generateLabel: string;
  generatedNotice: string;
  errors?: string[];
  name?: string;
  id?: string;
};

/** A uniform digit 0-9 from the browser's cryptographic generator (rejection sampling: no bias towards 0-5). */
function randomDigit(): number {
  const byte = new Uint8Array(1);
  do crypto.getRandomValues(byte);
  while (byte[0]! >= 250);
  return byte[0]! % 10;
}

/** A PIN input the person types into, or fills with "Generate" (a random PIN that passes the PIN policy). */
export function PinField({ label, hint, generateLabel, generatedNotice, errors, name = "pin", id = "field-pin" }: PinFieldProps) {
  const [value, setValue] = useState("");
  const [generated, setGenerated] = useState(false);
  const hintId = `${id}-hint`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          name={name}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setGenerated(false);
          }}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={PIN_MAX_LENGTH}
          required
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          className={`${inputClassName} mt-0! max-w-[12rem] font-mono tracking-widest`}
        />
        <button
          type="button"
          onClick={() => {
            setValue(suggestPin(randomDigit));
            setGenerated(true);
          }}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-semibold text-stone-900 hover:bg-stone-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          {generateLabel}
        </button>
      </div>
      <p id={hintId} className="mt-1 text-sm text-stone-600">
        {hint}
      </p>
      <p aria-live="polite" className="sr-only">
        {generated ? generatedNotice : ""}
      </p>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
