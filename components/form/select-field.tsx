import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, FieldError, FieldHint, FieldLabel, inputClasses } from "./field-parts";

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  registration,
  required,
  requiredLabel,
  placeholder,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  registration: UseFormRegisterReturn;
  required?: boolean;
  requiredLabel?: string;
  placeholder?: string;
}) {
  return (
    <div className="mt-4">
      <FieldLabel htmlFor={id} required={required} requiredLabel={requiredLabel}>
        {label}
      </FieldLabel>
      <FieldHint id={id}>{hint}</FieldHint>
      <select id={id} aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={inputClasses} {...registration}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}
