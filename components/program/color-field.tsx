"use client";

import { FieldErrors, inputClassName } from "@/components/forms/field";
import { isHexColor } from "./color-contrast";

type ColorFieldProps = {
  label: string;
  pickerLabel: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  hint?: string;
};

/**
 * A color as a swatch picker and its hex code side by side, kept in step:
 * the picker for choosing, the text for pasting a brand's exact code. Only
 * the text field is submitted (the schema checks it).
 */
export function ColorField({ label, pickerLabel, name, value, onChange, errors, hint }: ColorFieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          type="color"
          aria-label={pickerLabel}
          value={isHexColor(value) ? value.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value)}
          className="h-10 w-12 shrink-0 cursor-pointer rounded-lg border border-stone-300 bg-white p-1"
        />
        <input
          id={id}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value.trim())}
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className={`${inputClassName.replace("mt-1 ", "")} font-mono uppercase`}
        />
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-amber-800">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
