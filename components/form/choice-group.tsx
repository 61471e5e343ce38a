import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldError, FieldHint } from "./field-parts";

/**
 * A fieldset of radio buttons or checkboxes with a legend, hint and error. `defaultValue` is
 * rendered into the HTML (react-hook-form only ticks boxes once its script runs), so a page
 * rendered after a post without JavaScript shows what was chosen.
 */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  type,
  options,
  registration,
  defaultValue,
  required,
  requiredLabel,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  type: "radio" | "checkbox";
  options: { value: string; label: ReactNode }[];
  registration: UseFormRegisterReturn;
  defaultValue?: unknown;
  required?: boolean;
  requiredLabel?: string;
}) {
  const chosen = (value: string) => (Array.isArray(defaultValue) ? defaultValue.includes(value) : defaultValue === value);
  return (
    <fieldset className="mt-4" aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}>
      <legend className="font-medium">
        {legend}
        {required ? (
          <span className="ml-1 text-red-800" aria-hidden="true">
            *
          </span>
        ) : null}
        {required && requiredLabel ? <span className="sr-only"> ({requiredLabel})</span> : null}
      </legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <div className="mt-2 space-y-2">
        {options.map((option) => (
          <div key={option.value} className="flex items-start gap-2">
            <input
              type={type}
              id={`${id}-${option.value}`}
              value={option.value}
              aria-invalid={error ? true : undefined}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
              defaultChecked={chosen(option.value)}
              {...registration}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}

/** A single checkbox with its label to the right (consents, "on behalf of someone"). */
export function CheckboxField({ id, label, error, registration, defaultChecked }: { id: string; label: ReactNode; error?: string; registration: UseFormRegisterReturn; defaultChecked?: boolean }) {
  return (
    <div className="mt-4">
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
          defaultChecked={defaultChecked}
          {...registration}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldError id={id} message={error} />
    </div>
  );
}
