"use client";

import { useActionState } from "react";
import { submitButtonClasses } from "@/components/button-link";
import { signingKeyAction, type SigningKeyActionState } from "./actions";

/** Store an HTTP endpoint's signing key: a form post, so it works before JavaScript; the key is never shown back. */
export function SigningKeyForm({ locale, sourceId, labels }: { locale: string; sourceId: string; labels: { key: string; hint: string; submit: string; pending: string } }) {
  const [state, action, pending] = useActionState<SigningKeyActionState, FormData>(signingKeyAction, { kind: null, lines: [] });
  const keyId = `signing-key-${sourceId}`;
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
      <label htmlFor={keyId} className="block font-medium">
        {labels.key}
      </label>
      <p id={`${keyId}-hint`} className="text-sm text-muted">
        {labels.hint}
      </p>
      <input id={keyId} name="signingKey" type="password" autoComplete="off" required minLength={32} aria-describedby={`${keyId}-hint`} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
      <button type="submit" className={`${submitButtonClasses} mt-3`} disabled={pending}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
