import type { ReactNode } from "react";
import { FieldError, FieldHint, FieldLabel } from "./field-parts";

/** Label, hint, the control itself, then its error: the frame every single-control field shares. */
export function FieldShell({ id, label, hint, error, required, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="mt-4">
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <FieldHint id={id}>{hint}</FieldHint>
      {children}
      <FieldError id={id} message={error} />
    </div>
  );
}
