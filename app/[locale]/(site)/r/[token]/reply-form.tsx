"use client";

import { useActionState, useMemo, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FileField } from "@/components/form/file-field";
import { lazyResolver } from "@/components/form/lazy-resolver";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS, UPLOAD_PROBLEM_MESSAGE_KEYS } from "@/lib/files/upload-limits";
import type { UploadProblem } from "@/lib/files/upload-rules";
import { fieldErrorText as wordFieldError } from "@/components/form/field-error-text";
import type { Locale } from "@/lib/i18n/locales";
import { plainTranslator, type PlainTranslate } from "@/lib/i18n/plain-translator";
import type { StatusFormMessages } from "./status-form-messages";
import { postReplyAction, type ReplyState } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;

// The schema (and zod) come when the form is first used, not with the page.
const check = lazyResolver(() => import("@/lib/validation/public-form-checks").then((checks) => checks.requesterMessageCheck));

type IntakeT = PlainTranslate<StatusFormMessages["intake"]>;

function uploadProblemText(problem: UploadProblem, t: IntakeT): string {
  return t(`errors.${UPLOAD_PROBLEM_MESSAGE_KEYS[problem.code]}`, { name: problem.name, maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION, maxMegapixels: MAX_IMAGE_MEGAPIXELS });
}

function explainRefusal(state: Exclude<ReplyState, { ok: true } | { error: "invalid" }>, t: IntakeT, ts: PlainTranslate<StatusFormMessages["status"]>): string {
  if (state.error === "rate_limited") return t("errors.rateLimited", { minutes: state.retryAfterMinutes });
  if (state.error === "closed") return ts("reply.closed");
  return t("errors.unexpected");
}

/**
 * Posts to its server action by itself before JavaScript runs (text and the file input's files);
 * once it runs, the script checks the answer first and sends the files it holds.
 */
export function ReplyForm({ token, locale, messages }: { token: string; locale: Locale; messages: StatusFormMessages }) {
  const t = useMemo(() => plainTranslator(messages.intake, locale, "intake"), [messages.intake, locale]);
  const ts = useMemo(() => plainTranslator(messages.status, locale, "status"), [messages.status, locale]);
  const [pending, startTransition] = useTransition();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [notice, setNotice] = useState<Notice | null>(null);
  // Before JavaScript runs the browser posts the form to the action itself; its answer renders here.
  const [posted, postForm] = useActionState(postReplyAction, null);
  // A message the server refused is in the field again, in the HTML itself (react-hook-form
  // fills fields only once its script runs).
  const typed = posted && !posted.ok ? (posted.body ?? "") : "";
  const { register, handleSubmit, formState, reset, setError } = useForm<{ body: string }>({
    resolver: check.resolver,
    defaultValues: { body: typed },
  });

  const show = (kind: Notice["kind"], text: string) => setNotice({ kind, text });

  function explain(state: Exclude<ReplyState, { ok: true }>): string {
    if (state.error !== "invalid") return explainRefusal(state, t, ts);
    if (state.fieldErrors.body) setError("body", { type: "server", message: state.fieldErrors.body });
    const problem = state.fileProblems[0];
    if (!problem) return t("errors.summary");
    const text = uploadProblemText(problem, t);
    setFileError(text);
    return text;
  }

  const onValid = ({ body }: { body: string }) => {
    const big = files.find((f) => f.size > MAX_FILE_BYTES);
    if (files.length > MAX_FILES_PER_SUBMISSION || big) {
      const text = big ? t("errors.fileTooLarge", { name: big.name, maxMb: MAX_MB }) : t("errors.fileTooMany", { maxFiles: MAX_FILES_PER_SUBMISSION });
      setFileError(text);
      document.getElementById("attachments")?.focus();
      return;
    }
    setFileError(undefined);
    const data = new FormData();
    data.set("token", token);
    data.set("locale", locale);
    data.set("body", body);
    for (const file of files) data.append("attachments", file);
    startTransition(async () => {
      try {
        const state = await postReplyAction(null, data);
        if (state.ok) {
          reset();
          setFiles([]);
          show("info", ts("reply.sent"));
        } else show("error", explain(state));
      } catch {
        show("error", t("errors.unexpected"));
      }
    });
  };

  // What a post without JavaScript was answered, until the script sends the form itself.
  const fromPost = formState.submitCount === 0 && posted ? posted : null;
  const postedNotice = useMemo<Notice | null>(() => {
    if (!fromPost) return null;
    if (fromPost.ok) return { kind: "info", text: ts("reply.sent") };
    if (fromPost.error === "invalid") return { kind: "error", text: fromPost.fileProblems[0] ? uploadProblemText(fromPost.fileProblems[0], t) : t("errors.summary") };
    return { kind: "error", text: explainRefusal(fromPost, t, ts) };
  }, [fromPost, t, ts]);
  const postedInvalid = fromPost && !fromPost.ok && fromPost.error === "invalid" ? fromPost : null;
  const fieldErrorText = (message: string | undefined) => wordFieldError(message, (key, values) => t(`errors.${key}`, values));
  return (
    <form action={postForm} method="post" noValidate onFocus={check.preload} onSubmit={handleSubmit(onValid)} className="max-w-2xl">
      <FormNotice notice={notice ?? postedNotice} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <TextField
        id="body"
        multiline
        label={ts("reply.body")}
        error={fieldErrorText(formState.errors.body?.message ?? postedInvalid?.fieldErrors.body)}
        required
        defaultValue={typed}
        {...register("body")}
      />
      <FileField
        id="attachments"
        label={ts("reply.attachments")}
        hint={t("fields.filesHint", { maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION })}
        files={files}
        onChange={setFiles}
        error={fileError ?? (postedInvalid?.fileProblems[0] ? uploadProblemText(postedInvalid.fileProblems[0], t) : undefined)}
        removeLabel={(name) => t("fields.removeFile", { name })}
        texts={{ choose: t("fields.chooseFiles"), none: t("fields.noFilesChosen"), chosen: (count) => t("fields.filesChosen", { count }) }}
      />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {ts("reply.submit")}
      </button>
    </form>
  );
}
