import Link from "next/link";
import type { ComponentProps } from "react";

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: "primary" | "secondary" };

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-900",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:border-stone-400 hover:bg-stone-100",
};

/** A link that looks like a button, with a visible focus ring. */
export function ButtonLink({ variant = "primary", className = "", ...props }: ButtonLinkProps) {
  return (
    <Link
      {...props}
      className={`inline-flex items-center justify-center rounded-lg px-5 py-3 text-base font-semibold transition-colors ${VARIANTS[variant]} ${className}`}
    />
  );
}
