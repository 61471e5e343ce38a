import type { ReactNode } from "react";

export const inputClasses =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-ink shadow-sm aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** ids of the hint and error paragraphs, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * The visible asterisk is decoration; assistive technology hears "required" from the input's
 * aria-required, so the field's accessible name stays exactly its label.
 */
export function FieldLabel({ htmlFor, children, required }: { htmlFor?: string; children: ReactNode; required?: boolean }) {
  return (
    <div className="flex items-baseline">
      <label htmlFor={htmlFor} className="block font-medium">
        {children}
      </label>
      {required ? (
        <span className="ml-1 text-red-800" aria-hidden="true">
          *
        </span>
      ) : null}
    </div>
  );
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
      {children}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
      {message}
    </p>
  );
}
