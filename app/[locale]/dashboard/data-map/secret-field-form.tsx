"use client";

import { useActionState } from "react";
import { submitButtonClasses } from "@/components/button-link";
import type { SourceActionState } from "./actions";

/** What a secret's action answers: a confirmation, the problems found, or why it failed. */
export type SecretFieldState = SourceActionState;

/**
 * One secret of a source (its connection URL, an HTTP endpoint's signing key) posted to its
 * server action: a form post, so it works before JavaScript; a password field, so the secret is
 * never shown back, and the answer shown above it.
 */
export function SecretFieldForm({
  locale,
  sourceId,
  action: serverAction,
  field,
  labels,
}: {
  locale: string;
  sourceId: string;
  action: (previous: SecretFieldState, form: FormData) => Promise<SecretFieldState>;
  /** The posted field's name, the input's id, and the browser's own checks. */
  field: { name: string; id: string; required?: boolean; minLength?: number };
  labels: { label: string; hint: string; submit: string; pending: string };
}) {
  const [state, action, pending] = useActionState<SecretFieldState, FormData>(serverAction, { kind: null, lines: [] });
  return (
    <form method="post" action={action} className="mt-3 max-w-xl">
      {state.kind ? (
        <div role={state.kind === "ok" ? "status" : "alert"} className={`mb-3 rounded-md border-l-4 p-3 ${state.kind === "ok" ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50 text-red-900"}`}>
          {state.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <label htmlFor={field.id} className="block font-medium">
        {labels.label}
      </label>
      <p id={`${field.id}-hint`} className="text-sm text-muted">
        {labels.hint}
      </p>
      <input
        id={field.id}
        name={field.name}
        type="password"
        autoComplete="off"
        required={field.required}
        minLength={field.minLength}
        aria-describedby={`${field.id}-hint`}
        className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
      />
      <button type="submit" className={`${submitButtonClasses} mt-3`} disabled={pending}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
