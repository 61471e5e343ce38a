"use client";

import { useActionState } from "react";
import { submitButtonClasses } from "@/components/button-link";
import { sourceAction, type SourceActionState } from "./actions";

/** Store a connection URL (optional) and test it: a form post, so it works before JavaScript. */
export function SourceForm({ locale, sourceId, labels }: { locale: string; sourceId: string; labels: { url: string; urlHint: string; submit: string; pending: string } }) {
  const [state, action, pending] = useActionState<SourceActionState, FormData>(sourceAction, { kind: null, lines: [] });
  const urlId = `source-url-${sourceId}`;
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
      <label htmlFor={urlId} className="block font-medium">
        {labels.url}
      </label>
      <p id={`${urlId}-hint`} className="text-sm text-muted">
        {labels.urlHint}
      </p>
      <input id={urlId} name="url" type="password" autoComplete="off" aria-describedby={`${urlId}-hint`} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
      <button type="submit" className={`${submitButtonClasses} mt-3`} disabled={pending}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}
