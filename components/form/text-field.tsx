import type { ComponentProps, ReactNode } from "react";
import { describedBy, inputClasses } from "./field-parts";
import { FieldShell } from "./field-shell";

type Props = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  multiline?: boolean;
} & Omit<ComponentProps<"input">, "id"> &
  Pick<ComponentProps<"textarea">, "rows">;

/** A labelled text input or textarea with its hint and error wired for screen readers. */
export function TextField({ id, label, hint, error, required, multiline, rows = 5, ...input }: Props) {
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    "aria-required": required || undefined,
    className: inputClasses,
  };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      {multiline ? <textarea {...(input as ComponentProps<"textarea">)} {...common} rows={rows} /> : <input {...input} {...common} />}
    </FieldShell>
  );
}
