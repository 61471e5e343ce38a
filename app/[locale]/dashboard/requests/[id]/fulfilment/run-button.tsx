"use client";

import { useActionState } from "react";
import { submitButtonClasses } from "@/components/button-link";
import { fulfilmentAction, type FulfilmentActionState } from "./actions";

/**
 * One fulfilment step's button: a form posted to the server action, so it works before
 * JavaScript starts; the refusal, if any, is shown above it as an alert.
 */
export function RunButton({
  locale,
  verb,
  requestId,
  runId,
  callId,
  label,
  pendingLabel,
  checkboxes = [],
}: {
  locale: string;
  verb: "collect" | "deliver" | "plan" | "planAgain" | "approve" | "resume" | "planCorrection" | "applyCorrections" | "retryCall";
  requestId: string;
  runId?: string;
  callId?: string;
  label: string;
  pendingLabel: string;
  checkboxes?: { name: "usePhone" | "useAccountId" | "approve"; value?: string; label: string }[];
}) {
  const [state, action, pending] = useActionState<FulfilmentActionState, FormData>(fulfilmentAction, { error: null });
  return (
    <form method="post" action={action} className="mt-3">
      {state.error ? (
        <p role="alert" className="mb-3 rounded-md border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="verb" value={verb} />
      <input type="hidden" name="requestId" value={requestId} />
      {runId ? <input type="hidden" name="runId" value={runId} /> : null}
      {callId ? <input type="hidden" name="callId" value={callId} /> : null}
      {checkboxes.map((box) => (
        <label key={`${box.name}-${box.value ?? ""}`} className="mb-2 flex items-start gap-2">
          <input type="checkbox" name={box.name} value={box.value ?? "on"} className="mt-1 h-5 w-5" />
          <span>{box.label}</span>
        </label>
      ))}
      <button type="submit" className={submitButtonClasses} disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
