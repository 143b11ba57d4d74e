"use client";

import { useFormStatus } from "react-dom";
import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "./use-hydrated";

type SubmitButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  /** The form is on its way (from useFormAction); without it, the button asks the enclosing form. */
  pending?: boolean;
};

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-900 disabled:bg-brand-500",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

/**
 * A submit button that shows the form is on its way and cannot be pressed
 * twice, nor before the page's JavaScript runs (see useHydrated).
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  disabled,
  pending: pendingProp,
  ...props
}: SubmitButtonProps) {
  const status = useFormStatus();
  const hydrated = useHydrated();
  const pending = pendingProp ?? status.pending;
  const inactive = pending || Boolean(disabled) || !hydrated;
  return (
    <button
      type="submit"
      disabled={inactive}
      aria-disabled={inactive}
      className={`inline-flex items-center justify-center rounded-lg px-4 py-2.5 font-semibold transition-colors ${VARIANTS[variant]} ${className}`}
      {...props}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
