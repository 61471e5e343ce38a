"use client";

import type { ReactNode } from "react";
import { UPLOAD_ACCEPT_ATTRIBUTE } from "@/lib/files/upload-limits";
import { describedBy } from "./field-parts";
import { FieldShell } from "./field-shell";
import { useHydrated } from "./use-hydrated";

/**
 * A file picker whose files live in the parent's state (not in the DOM input), so a failed
 * submit never makes the person choose them again. The browser's own button and "no file
 * chosen" text speak the browser's language, not the page's: the native input lies transparent
 * over a button whose words come from the catalogues, so clicks, keyboard and drops still reach
 * the real input (which also posts its files before JavaScript runs).
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
  texts,
  accept = UPLOAD_ACCEPT_ATTRIBUTE,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  files: File[];
  onChange: (files: File[]) => void;
  required?: boolean;
  removeLabel: (name: string) => string;
  /** The button's words and the selection line, from the page's catalogue. */
  texts: { choose: string; none: string; chosen: (count: number) => string };
  /** A hint to the browser's picker only; the server decides by content. */
  accept?: string;
}) {
  // The selection line is known only once React runs; before that the native input holds the files.
  const hydrated = useHydrated();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <div className="relative mt-1 flex min-h-11 w-full flex-wrap items-center gap-3 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-ink shadow-sm focus-within:outline focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-brand-600 has-[input[aria-invalid=true]]:border-red-700 has-[input[aria-invalid=true]]:ring-1 has-[input[aria-invalid=true]]:ring-red-700">
        <input
          id={id}
          // Posted by the browser itself before JavaScript runs; after, the files live in state.
          name={id}
          type="file"
          multiple
          accept={accept}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="absolute inset-0 h-full w-full cursor-pointer opacity-0"
          onChange={(event) => {
            onChange([...files, ...Array.from(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
        <span aria-hidden="true" className="rounded bg-brand-50 px-3 py-1 font-medium text-brand-800">
          {texts.choose}
        </span>
        {hydrated ? (
          <span className="text-sm text-muted" aria-hidden="true" data-testid={`${id}-selection`}>
            {files.length > 0 ? texts.chosen(files.length) : texts.none}
          </span>
        ) : null}
      </div>
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
