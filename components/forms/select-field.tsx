import type { ReactNode } from "react";
import { Field, inputClassName } from "./field";

export type SelectProps = { id: string; name: string; className: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled select with its hint and errors (Field shows them; the select points at them). */
export function SelectField({
  label,
  name,
  hint,
  errors,
  children,
}: {
  label: string;
  name: string;
  hint: ReactNode;
  errors?: string[];
  children: (props: SelectProps) => ReactNode;
}) {
  const id = `field-${name}`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <Field label={label} name={name} id={id} hint={hint} errors={errors}>
      {children({
        id,
        name,
        className: inputClassName,
        "aria-invalid": errors?.length ? true : undefined,
        "aria-describedby": [`${id}-hint`, errorId].filter(Boolean).join(" "),
      })}
    </Field>
  );
}
