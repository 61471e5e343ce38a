"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type BaseSyntheticEvent } from "react";
import { useForm } from "react-hook-form";
import { inputClasses } from "@/components/form/field-parts";
import { FieldShell } from "@/components/form/field-shell";
import { FileField } from "@/components/form/file-field";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { postedFields, useHydrated } from "@/components/form/use-hydrated";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS, UPLOAD_PROBLEM_MESSAGE_KEYS } from "@/lib/files/upload-limits";
import type { Locale } from "@/lib/i18n/locales";
import { templateVariablesIn } from "@/lib/replies/fill-template";
import { REPLY_ATTACHMENTS_FIELD, staffReplyFormSchema, type StaffReplyForm } from "@/lib/replies/schemas";
import { parseErrorCode } from "@/lib/validation/request-forms";
import { sendReplyFormAction, type ReplyFieldErrors, type ReplyFormState, type SendReplyState } from "./reply-actions";
import { submitButtonClasses } from "@/components/button-link";
import { useConfirm, useConfirmationText } from "../../confirmations";

/** What each refusal says (the stale answer shows the new messages instead). */
const REFUSAL_TEXT = {
  invalid: "errors.summary",
  unauthorized: "errors.signedOut",
  forbidden: "errors.forbidden",
  not_found: "errors.notFound",
  unexpected: "errors.unexpected",
} as const satisfies Record<Exclude<Exclude<SendReplyState, { ok: true }>["error"], "stale">, string>;

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;

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
 * The staff reply form: pick a template (filled in), edit, attach files, send. If a message arrived
 * since the page was loaded, the server refuses the reply; the new messages are shown here and the
 * draft stays (files too, once the script runs), so the agent can read them and send again.
 * Before JavaScript runs the browser posts the form itself (multipart: text and the file input).
 */
export function ReplyComposer({ requestId, locale, templates, loadedAt, lastSeenMessageId, reference, requesterLocale }: Props) {
  const t = useTranslations("replies.composer");
  const format = useFormatter();
  const router = useRouter();
  const hydrated = useHydrated();
  const [state, send, pending] = useActionState(sendReplyFormAction, null);
  const [clientRefused, setClientRefused] = useState(0);
  // The chosen files live here once the script runs (the file input is emptied after each choice).
  const [files, setFiles] = useState<File[]>([]);
  const [fileTooBig, setFileTooBig] = useState<string>();
  // Sent by the script: confirmed by a toast and focus back in the emptied text. A post answered
  // without JavaScript is a page of its own, so there the confirmation is the notice above the form.
  const [byScript, setByScript] = useState(false);
  const toasted = useRef<ReplyFormState>(null);
  const confirm = useConfirm();
  const confirmation = useConfirmationText();
  const tf = useTranslations("dashboard.errors.fields");
  const td = useTranslations("dashboard.actions");
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
      setFiles([]);
    }
  }
  useEffect(() => {
    if (!state?.ok) return;
    // An empty composer for the next message, and the thread shows this one.
    reset({ subject: "", body: "" });
    router.refresh();
  }, [state, reset, router]);
  useEffect(() => {
    if (!state?.ok || !byScript || toasted.current === state) return;
    toasted.current = state;
    confirm("reply");
    document.getElementById("reply-body")?.focus();
  }, [state, byScript, confirm]);

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

  // A file the server refused (by content, size or count), in the words of the dashboard's upload forms.
  // (until other files are chosen)
  const [filesChangedAfter, setFilesChangedAfter] = useState<ReplyFormState>(null);
  const refusedFile = state?.ok === false && state.error === "invalid" && filesChangedAfter !== state ? state.fileProblems[0] : undefined;
  const fileError =
    fileTooBig ??
    (refusedFile ? tf(UPLOAD_PROBLEM_MESSAGE_KEYS[refusedFile.code], { name: refusedFile.name, maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION, maxMegapixels: MAX_IMAGE_MEGAPIXELS }) : undefined);

  /** Once the browser's checks pass: the form's own fields and the files held here, to the same action. */
  function sendWithFiles(_values: unknown, event?: BaseSyntheticEvent) {
    const form = event?.target;
    if (!(form instanceof HTMLFormElement)) return;
    const big = files.find((file) => file.size > MAX_FILE_BYTES);
    if (big || files.length > MAX_FILES_PER_SUBMISSION) {
      setFileTooBig(big ? tf("fileTooLarge", { name: big.name, maxMb: MAX_MB }) : tf("fileTooMany", { maxFiles: MAX_FILES_PER_SUBMISSION }));
      document.getElementById(REPLY_ATTACHMENTS_FIELD)?.focus();
      return;
    }
    setFileTooBig(undefined);
    const data = postedFields(form);
    data.delete(REPLY_ATTACHMENTS_FIELD);
    for (const file of files) data.append(REPLY_ATTACHMENTS_FIELD, file);
    setByScript(true);
    startTransition(() => send(data));
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
    if (state?.ok) return byScript ? null : { kind: "info", text: confirmation("reply") };
    if (state && state.error !== "stale") return { kind: "error", text: t(REFUSAL_TEXT[state.error]) };
    if (clientRefused > 0) return { kind: "error", text: t("errors.summary"), focus: false };
    return null;
  }, [state, clientRefused, byScript, t, confirmation]);

  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeStyle: "short" });

  return (
    <form
      action={send}
      method="post"
      noValidate
      onSubmit={handleSubmit(sendWithFiles, () => setClientRefused((count) => count + 1))}
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
      <FileField
        id={REPLY_ATTACHMENTS_FIELD}
        label={t("attachments")}
        // A page rendered after a post without JavaScript cannot give the files back.
        hint={[t("attachmentsHint", { maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION }), !hydrated && state && !state.ok ? t("attachmentsChooseAgain") : null].filter(Boolean).join(" ")}
        files={files}
        onChange={(chosen) => {
          setFiles(chosen);
          setFileTooBig(undefined);
          setFilesChangedAfter(state);
        }}
        error={fileError}
        removeLabel={(name) => td("removeFile", { name })}
        texts={{ choose: td("chooseFiles"), none: td("noFilesChosen"), chosen: (count) => td("filesChosen", { count }) }}
      />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {t("send")}
      </button>
    </form>
  );
}
