import type { ComponentProps, ReactNode } from "react";
import { describedBy, FieldError, FieldHint, FieldLabel, inputClasses } from "./field-parts";

type Props = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  requiredLabel?: string;
  multiline?: boolean;
} & Omit<ComponentProps<"input">, "id"> &
  Pick<ComponentProps<"textarea">, "rows">;

/** A labelled text input or textarea with its hint and error wired for screen readers. */
export function TextField({ id, label, hint, error, required, requiredLabel, multiline, rows = 5, ...input }: Props) {
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    "aria-required": required || undefined,
    className: inputClasses,
  };
  return (
    <div className="mt-4">
      <FieldLabel htmlFor={id} required={required} requiredLabel={requiredLabel}>
        {label}
      </FieldLabel>
      <FieldHint id={id}>{hint}</FieldHint>
      {multiline ? (
        <textarea {...(input as ComponentProps<"textarea">)} {...common} rows={rows} />
      ) : (
        <input {...input} {...common} />
      )}
      <FieldError id={id} message={error} />
    </div>
  );
}
