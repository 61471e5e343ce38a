"use client";

import type { ReactNode } from "react";
import { describedBy, inputClasses } from "./field-parts";
import { FieldShell } from "./field-shell";

/**
 * A file picker whose files live in the parent's state (not in the DOM input), so a failed
 * submit never makes the person choose them again.
 */
export function FileField({
  id,
  label,
  hint,
  error,
  files,
  onChange,
  required,
  removeLabel,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  files: File[];
  onChange: (files: File[]) => void;
  required?: boolean;
  removeLabel: (name: string) => string;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        type="file"
        multiple
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${inputClasses} file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:text-brand-800`}
        onChange={(event) => {
          onChange([...files, ...Array.from(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      {files.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="flex items-center gap-2">
              <span className="break-all">{file.name}</span>
              <span className="text-muted">({Math.ceil(file.size / 1024)} KB)</span>
              <button type="button" className="text-red-800 underline" onClick={() => onChange(files.filter((_, i) => i !== index))}>
                {removeLabel(file.name)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </FieldShell>
  );
}
