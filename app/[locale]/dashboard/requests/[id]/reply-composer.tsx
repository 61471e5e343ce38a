"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { inputClasses } from "@/components/form/field-parts";
import { FieldShell } from "@/components/form/field-shell";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import type { Locale } from "@/lib/i18n/locales";
import { templateVariablesIn } from "@/lib/replies/fill-template";
import { staffReplyFormSchema, type StaffReplyForm } from "@/lib/replies/schemas";
import { parseErrorCode } from "@/lib/validation/request-forms";
import { sendReplyAction, type SendReplyState, type UnseenMessageView } from "./reply-actions";
import { submitButtonClasses } from "@/components/button-link";

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
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [seen, setSeen] = useState({ loadedAt, lastSeenMessageId });
  const [stale, setStale] = useState<UnseenMessageView[] | null>(null);
  const [templateId, setTemplateId] = useState("");
  // The text the last chosen template put in, to tell whether the agent has changed it since.
  const [applied, setApplied] = useState({ subject: "", body: "" });
  const staleRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, getValues, setValue, reset, setError } = useForm<StaffReplyForm>({
    resolver: zodResolver(staffReplyFormSchema),
    defaultValues: { subject: "", body: "" },
  });

  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

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
    const code = parseErrorCode(formState.errors[field]?.message);
    if (!code) return undefined;
    switch (code.key) {
      case "required":
        return t("errors.required");
      case "tooLong":
        return t("errors.tooLong", { max: code.value ?? 0 });
      case "leftoverVariables":
        return t("errors.leftoverVariables", { names: templateVariablesIn(getValues(field) ?? "").join(", ") });
      default:
        return t("errors.invalid");
    }
  }

  function explain(state: Exclude<SendReplyState, { ok: true } | { error: "stale" }>): string {
    switch (state.error) {
      case "invalid":
        for (const field of ["subject", "body"] as const) {
          const message = state.fieldErrors[field];
          if (message) setError(field, { type: "server", message });
        }
        return t("errors.summary");
      case "unauthorized":
        return t("errors.signedOut");
      case "forbidden":
        return t("errors.forbidden");
      case "not_found":
        return t("errors.notFound");
      default:
        return t("errors.unexpected");
    }
  }

  const onValid = (values: StaffReplyForm) => {
    startTransition(async () => {
      try {
        const state = await sendReplyAction(locale, { requestId, subject: values.subject ?? "", body: values.body, ...seen });
        if (state.ok) {
          setSeen({ loadedAt: state.loadedAt, lastSeenMessageId: state.messageId });
          setStale(null);
          setTemplateId("");
          setApplied({ subject: "", body: "" });
          reset({ subject: "", body: "" });
          setNotice({ kind: "info", text: t("sent") });
          router.refresh();
        } else if (state.error === "stale") {
          // The draft stays; having shown these, the next Send is written against them.
          setSeen({ loadedAt: state.loadedAt, lastSeenMessageId: state.lastSeenMessageId });
          setStale(state.messages);
          setNotice(null);
        } else {
          setNotice({ kind: "error", text: explain(state) });
        }
      } catch {
        setNotice({ kind: "error", text: t("errors.unexpected") });
      }
    });
  };

  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeStyle: "short" });

  return (
    <form method="post" noValidate onSubmit={handleSubmit(onValid)} className="max-w-3xl">
      <FormNotice notice={notice} />
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
      {chosen && chosen.unknownVariables.length > 0 ? (
        <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-950">{t("unknownVariables", { names: chosen.unknownVariables.map((name) => `{{${name}}}`).join(", ") })}</p>
      ) : null}

      <TextField
        id="reply-subject"
        lang={requesterLocale}
        label={t("subject")}
        hint={reference ? t("subjectHint", { reference }) : undefined}
        error={fieldError("subject")}
        {...register("subject")}
      />
      <TextField id="reply-body" multiline rows={12} lang={requesterLocale} label={t("body")} hint={t("bodyHint")} error={fieldError("body")} required {...register("body")} />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {t("send")}
      </button>
    </form>
  );
}
