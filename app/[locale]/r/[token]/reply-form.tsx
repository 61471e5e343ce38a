"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FileField } from "@/components/form/file-field";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS, UPLOAD_PROBLEM_MESSAGE_KEYS } from "@/lib/files/upload-limits";
import { parseErrorCode, requesterMessageSchema } from "@/lib/validation/request-forms";
import { postReplyAction, type ReplyState } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;

export function ReplyForm({ token }: { token: string }) {
  const t = useTranslations("intake");
  const ts = useTranslations("status");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { register, handleSubmit, formState, reset, setError } = useForm<{ body: string }>({
    resolver: zodResolver(requesterMessageSchema),
    defaultValues: { body: "" },
  });

  const show = (kind: Notice["kind"], text: string) => setNotice({ kind, text });

  function explain(state: Exclude<ReplyState, { ok: true }>): string {
    if (state.error === "rate_limited") return t("errors.rateLimited", { minutes: state.retryAfterMinutes });
    if (state.error === "closed") return ts("reply.closed");
    if (state.error === "invalid") {
      if (state.fieldErrors.body) setError("body", { type: "server", message: state.fieldErrors.body });
      const problem = state.fileProblems[0];
      if (problem) {
        const text = t(`errors.${UPLOAD_PROBLEM_MESSAGE_KEYS[problem.code]}`, { name: problem.name, maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION, maxMegapixels: MAX_IMAGE_MEGAPIXELS });
        setFileError(text);
        return text;
      }
      return t("errors.summary");
    }
    return t("errors.unexpected");
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
    data.set("body", body);
    for (const file of files) data.append("attachments", file);
    startTransition(async () => {
      try {
        const state = await postReplyAction(locale, token, data);
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

  const bodyError = parseErrorCode(formState.errors.body?.message);
  return (
    <form method="post" noValidate onSubmit={handleSubmit(onValid)} className="max-w-2xl">
      <FormNotice notice={notice} />
      <TextField
        id="body"
        multiline
        label={ts("reply.body")}
        error={bodyError ? t(`errors.${bodyError.key}` as never, { max: bodyError.value ?? 0 } as never) : undefined}
        required
        {...register("body")}
      />
      <FileField
        id="attachments"
        label={ts("reply.attachments")}
        hint={t("fields.filesHint", { maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION })}
        files={files}
        onChange={setFiles}
        error={fileError}
        removeLabel={(name) => t("fields.removeFile", { name })}
        texts={{ choose: t("fields.chooseFiles"), none: t("fields.noFilesChosen"), chosen: (count) => t("fields.filesChosen", { count }) }}
      />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {ts("reply.submit")}
      </button>
    </form>
  );
}
