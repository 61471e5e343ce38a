"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { useConfirm, useConfirmationText } from "../confirmations";
import { bulkAssignAction, type BulkAssignState } from "./actions";
import { BULK_FORM_ID, ROW_CHECKBOX_SELECTOR } from "./bulk-form-id";
import { useQueueKeys } from "./use-queue-keys";

/**
 * The bulk bar above the queue: the ticked rows (their checkboxes sit in the table and belong to
 * this form by its id) assigned to me, to a colleague, or to nobody, in one post; then what
 * changed (a toast once the script runs; in the page before it) and each row refused with why, under
 * the bar. The `a` key posts the same with the focused row; when
 * that row leaves the list (a view of unassigned requests), focus goes to the row now in its place.
 */
export function BulkAssignBar({ locale, colleagues }: { locale: string; colleagues: { id: string; name: string }[] }) {
  const t = useTranslations("staff.queue.bulk");
  const failureMessage = useFailureMessage("dashboard");
  const [state, formAction, pending] = useActionState<BulkAssignState, FormData>(bulkAssignAction, null);
  const [selected, setSelected] = useState(0);
  // Answered with the script running: what changed is a toast; a post the browser made itself is a new page that says it.
  const [byScript, setByScript] = useState(false);
  const confirm = useConfirm();
  const toasted = useRef<BulkAssignState>(null);
  useEffect(() => {
    if (!state?.ok || !byScript || toasted.current === state) return;
    toasted.current = state;
    if (state.assigned.length > 0) confirm("bulk_assign", { count: state.assigned.length });
  }, [state, byScript, confirm]);

  useEffect(() => {
    const count = () => setSelected(document.querySelectorAll(`${ROW_CHECKBOX_SELECTOR}:checked`).length);
    count();
    document.addEventListener("change", count);
    return () => document.removeEventListener("change", count);
  }, []);

  // Done: the ticks go (the rows are redrawn with their new assignee).
  useEffect(() => {
    if (!state?.ok) return;
    for (const box of document.querySelectorAll<HTMLInputElement>(ROW_CHECKBOX_SELECTOR)) box.checked = false;
    document.dispatchEvent(new Event("change"));
  }, [state]);

  // The row taken with `a` and its position, until the answer has redrawn the list.
  const taken = useRef<{ id: string; index: number } | null>(null);
  useEffect(() => {
    const row = taken.current;
    if (!row || !state) return;
    taken.current = null;
    // Once the row has left the list (a view of unassigned requests) and focus went with it, the row
    // now in its place takes focus; a row still listed (with its new assignee) keeps it.
    const moveOn = (): boolean => {
      const rows = Array.from(document.querySelectorAll<HTMLElement>("[data-queue-row]"));
      if (rows.some((candidate) => candidate.dataset.requestId === row.id)) return false;
      if (document.activeElement && document.activeElement !== document.body) return true;
      rows[Math.min(row.index, rows.length - 1)]?.querySelector<HTMLAnchorElement>("a[data-queue-open]")?.focus();
      return true;
    };
    if (moveOn()) return;
    const observer = new MutationObserver(() => {
      if (moveOn()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [state]);

  useQueueKeys((requestId) => {
    taken.current = { id: requestId, index: Array.from(document.querySelectorAll<HTMLElement>("[data-queue-row]")).findIndex((row) => row.dataset.requestId === requestId) };
    setByScript(true);
    const form = new FormData();
    form.set("locale", locale);
    form.set("to", "me");
    form.append("requestIds", requestId);
    startTransition(() => formAction(form));
  });

  return (
    <div className="mt-4 min-w-0">
      <form
        id={BULK_FORM_ID}
        action={formAction}
        method="post"
        onSubmit={() => setByScript(true)}
        aria-label={t("label")}
        aria-busy={pending}
        className="flex min-w-0 flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white p-2 text-sm"
      >
        <input type="hidden" name="locale" value={locale} />
        <span className="px-1 font-medium" data-testid="bulk-selected">
          {t("selected", { count: selected })}
        </span>
        <button type="submit" name="to" value="me" disabled={pending} className={buttonClasses("secondary")}>
          {t("toMe")}
        </button>
        <span className="inline-flex min-w-0 flex-wrap items-center gap-2">
          <label htmlFor="bulk-assignee" className="sr-only">
            {t("assignTo")}
          </label>
          <select id="bulk-assignee" name="assigneeId" className="min-h-11 max-w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-1">
            <option value="">{t("assignTo")}…</option>
            {colleagues.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <button type="submit" name="to" value="other" disabled={pending} className={buttonClasses("secondary")}>
            {t("assign")}
          </button>
        </span>
        <button type="submit" name="to" value="nobody" disabled={pending} className={buttonClasses("secondary")}>
          {t("unassign")}
        </button>
      </form>
      <BulkResult state={state} failureMessage={failureMessage} toasted={byScript} />
    </div>
  );
}

function BulkResult({ state, failureMessage, toasted }: { state: BulkAssignState; failureMessage: ReturnType<typeof useFailureMessage>; toasted: boolean }) {
  const t = useTranslations("staff.queue.bulk");
  const confirmation = useConfirmationText();
  let body: React.ReactNode = null;
  if (state && !state.ok) {
    const fields = Object.keys(state.fieldErrors ?? {});
    const text =
      state.error === "invalid" && fields.some((field) => field.startsWith("requestIds"))
        ? t("chooseRequests")
        : state.error === "invalid" && fields.includes("assigneeId")
          ? t("chooseAssignee")
          : failureMessage(state);
    body = <p className="font-semibold text-red-800">{text}</p>;
  } else if (state?.ok) {
    body = (
      <>
        {toasted && state.assigned.length > 0 ? null : <p>{confirmation("bulk_assign", { count: state.assigned.length })}</p>}
        {state.refused.length ? (
          <div className="mt-1 text-red-800">
            <p className="font-semibold">{t("refused", { count: state.refused.length })}</p>
            <ul className="list-disc pl-5">
              {state.refused.map((row) => (
                <li key={row.requestId}>{t("refusedRow", { reference: row.reference ?? t("unnamed"), reason: failureMessage(row) })}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </>
    );
  }
  return (
    <div role="status" className="mt-2 min-w-0 text-sm break-words" data-testid="bulk-result">
      {body}
    </div>
  );
}
