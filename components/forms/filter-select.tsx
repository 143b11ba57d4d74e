import type { ReactNode } from "react";
import { inputClassName } from "./field";

export type FilterOption = { value: string; label: string };

/**
 * One labelled select of a list's filter form (a GET form): the first option, empty, means "no
 * filter" (anyLabel); `options` follow, and `children` for anything richer (option groups).
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  anyLabel,
  options = [],
  className,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options?: FilterOption[];
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClassName}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}
