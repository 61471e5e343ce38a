import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, inputClasses } from "./field-parts";
import { FieldShell } from "./field-shell";

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  registration,
  required,
  placeholder,
  defaultValue,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  registration: UseFormRegisterReturn;
  required?: boolean;
  placeholder?: string;
  /** Rendered into the HTML: react-hook-form only selects once its script runs. */
  defaultValue?: string;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select id={id} aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={inputClasses} defaultValue={defaultValue} {...registration}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
