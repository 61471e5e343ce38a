"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { inputClasses } from "@/components/form/field-parts";
import { FieldShell } from "@/components/form/field-shell";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { sendToAction, useHydrated } from "@/components/form/use-hydrated";
import type { Locale } from "@/lib/i18n/locales";
import { templateVariablesIn } from "@/lib/replies/fill-template";
import { staffReplyFormSchema, type StaffReplyForm } from "@/lib/replies/schemas";
import { parseErrorCode } from "@/lib/validation/request-forms";
import { sendReplyFormAction, type ReplyFieldErrors, type SendReplyState } from "./reply-actions";
import { submitButtonClasses } from "@/components/button-link";

/** What each refusal says (the stale answer shows the new messages instead). */
const REFUSAL_TEXT = {
  invalid: "errors.summary",
  unauthorized: "errors.signedOut",
  forbidden: "errors.forbidden",
  not_found: "errors.notFound",
  unexpected: "errors.unexpected",
} as const satisfies Record<Exclude<Exclude<SendReplyState, { ok: true }>["error"], "stale">, string>;

/** A template already filled with the request's values (lib/replies/load-reply-composer.ts). */
export type ComposerTemplateView = { id: string; key: string; name: string; subject: string; body: string; unknownVariables: string[] };

type Props = {
  requestId: string;
  /** The dashboard's language (the page URL). */
  locale: Locale;
  /** Templates in the requester's language. */
  templates: ComposerTemplateView[];
  /** The state the composer is written against: when it was loaded and the newest message it saw. */
  loadedAt: string;
  lastSeenMessageId: string | null;
  /** Optional: for the subject hint and the language of the text fields. */
  reference?: string;
  requesterLocale?: Locale;
};

/**
 * The staff reply form: pick a template (filled in), edit, send. If a message arrived since the
 * page was loaded, the server refuses the reply; the new messages are shown here and the draft
 * stays, so the agent can read them and send again (or change the reply).
 */
export function ReplyComposer({ requestId, locale, templates, loadedAt, lastSeenMessageId, reference, requesterLocale }: Props) {
  const t = useTranslations("replies.composer");
  const format = useFormatter();
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, send, pending] = useActionState(sendReplyFormAction, null);
  const [clientRefused, setClientRefused] = useState(0);
  const [templateId, setTemplateId] = useState("");
  // The text the last chosen template put in, to tell whether the agent has changed it since.
  const [applied, setApplied] = useState({ subject: "", body: "" });
  const staleRef = useRef<HTMLDivElement>(null);
  // After a refusal the draft comes back as typed (in the HTML too: without JavaScript the page is rendered anew).
  const draft = state && !state.ok ? state.draft : { subject: "", body: "" };
  const { register, handleSubmit, formState, getValues, setValue, reset } = useForm<StaffReplyForm>({
    resolver: zodResolver(staffReplyFormSchema),
    defaultValues: draft,
  });
  // What the composer has seen: the page's state, moved on by a sent reply or by new messages shown.
  const seen =
    state?.ok === true
      ? { loadedAt: state.loadedAt, lastSeenMessageId: state.messageId }
      : state?.ok === false && state.error === "stale"
        ? { loadedAt: state.loadedAt, lastSeenMessageId: state.lastSeenMessageId }
        : { loadedAt, lastSeenMessageId };
  const stale = state?.ok === false && state.error === "stale" ? state.messages : null;
  const serverFieldErrors: ReplyFieldErrors = state?.ok === false && state.error === "invalid" ? state.fieldErrors : {};

  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  // Sent: no template chosen for the next message (adjusted while rendering, as React advises for state that follows an answer).
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state?.ok) {
      setTemplateId("");
      setApplied({ subject: "", body: "" });
    }
  }
  useEffect(() => {
    if (!state?.ok) return;
    // An empty composer for the next message, and the thread shows this one.
    reset({ subject: "", body: "" });
    router.refresh();
  }, [state, reset, router]);

  const chosen = templates.find((template) => template.id === templateId);

  function pickTemplate(id: string) {
    const template = templates.find((candidate) => candidate.id === id);
    setTemplateId(id);
    if (!template) return;
    const current = getValues();
    const edited = (current.subject ?? "") !== applied.subject || current.body !== applied.body;
    const hasText = Boolean(current.subject?.trim() || current.body.trim());
    // Never throw away what the agent typed without asking.
    if (edited && hasText && !window.confirm(t("replaceDraft"))) return;
    setValue("subject", template.subject, { shouldDirty: true });
    setValue("body", template.body, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    setApplied({ subject: template.subject, body: template.body });
  }

  function fieldError(field: "subject" | "body"): string | undefined {
    const code = parseErrorCode(formState.errors[field]?.message ?? serverFieldErrors[field]);
    if (!code) return undefined;
    switch (code.key) {
      case "required":
        return t("errors.required");
      case "tooLong":
        return t("errors.tooLong", { max: code.value ?? 0 });
      case "leftoverVariables":
        return t("errors.leftoverVariables", { names: templateVariablesIn(getValues(field) ?? draft[field]).join(", ") });
      default:
        return t("errors.invalid");
    }
  }

  // One notice per answer (memoised: it takes focus when it changes).
  const notice = useMemo<Notice | null>(() => {
    if (state?.ok) return { kind: "info", text: t("sent") };
    if (state && state.error !== "stale") return { kind: "error", text: t(REFUSAL_TEXT[state.error]) };
    if (clientRefused > 0) return { kind: "error", text: t("errors.summary"), focus: false };
    return null;
  }, [state, clientRefused, t]);

  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeStyle: "short" });

  return (
    <form
      action={send}
      method="post"
      noValidate
      onSubmit={handleSubmit(sendToAction(send), () => setClientRefused((count) => count + 1))}
      className="max-w-3xl"
      aria-busy={pending}
    >
      <FormNotice notice={notice} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="loadedAt" value={seen.loadedAt} />
      <input type="hidden" name="lastSeenMessageId" value={seen.lastSeenMessageId ?? ""} />
      {stale ? (
        <div ref={staleRef} tabIndex={-1} role="alert" className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">{t("stale.title")}</p>
          <p className="mt-1">{t("stale.lead", { count: stale.length })}</p>
          <ol className="mt-3 space-y-2">
            {stale.map((message) => (
              <li key={message.id} className="rounded border border-amber-200 bg-white p-3">
                <p className="text-sm text-muted">
                  <strong className="text-ink">
                    {message.direction === "inbound" ? t("stale.fromRequester") : message.authorName ? t("stale.fromStaff", { name: message.authorName }) : t("stale.fromStaffUnknown")}
                  </strong>{" "}
                  · {when(message.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-wrap break-words" lang={requesterLocale}>
                  {message.body}
                </p>
              </li>
            ))}
          </ol>
        </div>
      ) : null}

      {hydrated ? (
      <FieldShell id="reply-template" label={t("template")} hint={templates.length > 0 ? t("templateHint") : t("noTemplates")}>
        <select
          id="reply-template"
          value={templateId}
          onChange={(event) => pickTemplate(event.target.value)}
          disabled={templates.length === 0}
          aria-describedby="reply-template-hint"
          className={inputClasses}
        >
          <option value="">{t("noTemplate")}</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
      </FieldShell>
      ) : null}
      {chosen && chosen.unknownVariables.length > 0 ? (
        <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-950">{t("unknownVariables", { names: chosen.unknownVariables.map((name) => `{{${name}}}`).join(", ") })}</p>
      ) : null}

      <TextField
        id="reply-subject"
        lang={requesterLocale}
        label={t("subject")}
        hint={reference ? t("subjectHint", { reference }) : undefined}
        error={fieldError("subject")}
        defaultValue={draft.subject}
        {...register("subject")}
      />
      <TextField id="reply-body" multiline rows={12} lang={requesterLocale} label={t("body")} hint={t("bodyHint")} error={fieldError("body")} required defaultValue={draft.body} {...register("body")} />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {t("send")}
      </button>
    </form>
  );
}
