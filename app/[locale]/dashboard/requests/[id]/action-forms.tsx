"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { useForm, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import { z } from "zod";
import { FileField } from "@/components/form/file-field";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { useActionFeedback } from "@/components/form/action-feedback";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { DATA_PACKAGE_ACCEPT_ATTRIBUTE, MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS, UPLOAD_PROBLEM_MESSAGE_KEYS } from "@/lib/files/upload-limits";
import {
  askRequesterFormSchema,
  completeRequestFormSchema,
  DENIAL_REASON_CODES,
  denyRequestFormSchema,
  extendDeadlineFormSchema,
  internalNoteFormSchema,
} from "@/lib/requests/staff/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { readFieldError } from "@/lib/validation/request-forms";
import { askAction, completeAction, denyAction, extendAction, noteAction, type StaffActionResult } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;
const buttonClasses =
  `mt-4 ${submitButtonClasses}`;

/** Runs a server action and turns its answer into a notice, field errors, or a logged surprise. */
function useStaffAction<T extends FieldValues>(setError?: UseFormSetError<T>) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const show = useActionFeedback();
  const [pending, startTransition] = useTransition();

  const failureMessage = useFailureMessage("dashboard");
  const explain = (result: Exclude<StaffActionResult, { ok: true }>): string => {
    if (result.error === "invalid" && setError) {
      for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<T>, { type: "server", message: code });
    }
    return failureMessage(result);
  };

  const run = (action: (locale: Locale) => Promise<StaffActionResult>, done: string, onDone?: () => void, onFailure?: (result: Exclude<StaffActionResult, { ok: true }>) => void) => {
    startTransition(async () => {
      try {
        const result = await action(locale);
        if (result.ok) {
          onDone?.();
          show({ kind: "info", text: done });
        } else {
          onFailure?.(result);
          show({ kind: "error", text: explain(result) });
        }
      } catch (error) {
        console.error(error);
        show({ kind: "error", text: t("errors.unexpected") });
      }
    });
  };
  return { run, pending, t };
}

/** "required", "tooLong:5000" … → the sentence shown under the field. */
function useFieldError() {
  const t = useTranslations("dashboard.errors.fields");
  return (message: string | undefined): string | undefined => {
    const error = readFieldError(message, ["required", "tooLong", "tooMany", "chooseOne", "invalid", "fileRequired"], "invalid");
    return error ? t(error.key, { max: error.value }) : undefined;
  };
}

/** A single required text area and a submit button: ask, extend, note. */
function TextActionForm({
  id,
  field,
  label,
  hint,
  submit,
  done,
  schema,
  send,
  onDone,
}: {
  id: string;
  field: string;
  label: string;
  hint?: ReactNode;
  submit: string;
  done: string;
  schema: z.ZodType<Record<string, string>, Record<string, string>>;
  send: (locale: Locale, values: Record<string, string>) => Promise<StaffActionResult>;
  /** After it went through (a dialog closes). */
  onDone?: () => void;
}) {
  const { register, handleSubmit, formState, setError, reset } = useForm<Record<string, string>>({ resolver: zodResolver(schema), defaultValues: { [field]: "" } });
  const { run, pending } = useStaffAction(setError);
  const fieldError = useFieldError();
  return (
    <form method="post" noValidate onSubmit={handleSubmit((values) => run((locale) => send(locale, values), done, () => {
          reset();
          onDone?.();
        }))}>
      <TextField id={id} multiline required label={label} hint={hint} error={fieldError(formState.errors[field]?.message)} {...register(field)} />
      <button type="submit" disabled={pending} className={buttonClasses}>
        {submit}
      </button>
    </form>
  );
}

export function AskForm({ requestId, pauses, onDone }: { requestId: string; pauses: boolean; onDone?: () => void }) {
  const t = useTranslations("dashboard.actions.ask");
  return (
    <TextActionForm
      id="ask-message"
      field="message"
      label={t("message")}
      hint={pauses ? `${t("hint")} ${t("pauseHint")}` : t("hint")}
      submit={t("submit")}
      done={t("done")}
      schema={askRequesterFormSchema}
      send={(locale, values) => askAction(locale, requestId, { message: values.message ?? "" })}
      onDone={onDone}
    />
  );
}

export function ExtendForm({ requestId, period, onDone }: { requestId: string; period: string; onDone?: () => void }) {
  const t = useTranslations("dashboard.actions.extend");
  return (
    <TextActionForm
      id="extend-reason"
      field="reason"
      label={t("reason")}
      hint={t("hint", { period })}
      submit={t("submit")}
      done={t("done")}
      schema={extendDeadlineFormSchema}
      send={(locale, values) => extendAction(locale, requestId, { reason: values.reason ?? "" })}
      onDone={onDone}
    />
  );
}

export function NoteForm({ requestId, onDone }: { requestId: string; onDone?: () => void }) {
  const t = useTranslations("dashboard.actions.note");
  return (
    <TextActionForm
      id="note-body"
      field="body"
      label={t("body")}
      hint={t("hint")}
      submit={t("submit")}
      done={t("done")}
      schema={internalNoteFormSchema}
      send={(locale, values) => noteAction(locale, requestId, { body: values.body ?? "" })}
      onDone={onDone}
    />
  );
}

export function DenyForm({ requestId, onDone }: { requestId: string; onDone?: () => void }) {
  type Schema = typeof denyRequestFormSchema;
  // No reason chosen yet: the select shows its "choose" line and the schema asks for one.
  const { register, handleSubmit, formState, setError } = useForm<z.input<Schema>, unknown, z.output<Schema>>({ resolver: zodResolver(denyRequestFormSchema), defaultValues: { note: "" } });
  const { run, pending, t } = useStaffAction(setError);
  const fieldError = useFieldError();
  return (
    <form method="post" noValidate onSubmit={handleSubmit((values) => run((locale) => denyAction(locale, requestId, values), t("actions.deny.done"), onDone))}>
      <SelectField
        id="deny-reason"
        required
        label={t("actions.deny.reason")}
        placeholder={t("actions.deny.choose")}
        options={DENIAL_REASON_CODES.map((code) => ({ value: code, label: t(`denialReasons.${code}`) }))}
        error={fieldError(formState.errors.reason?.message)}
        registration={register("reason")}
      />
      <TextField id="deny-note" multiline required label={t("actions.deny.note")} hint={t("actions.deny.hint")} error={fieldError(formState.errors.note?.message)} {...register("note")} />
      <button type="submit" disabled={pending} className={buttonClasses}>
        {t("actions.deny.submit")}
      </button>
    </form>
  );
}

export function CompleteForm({ requestId, isAccess, onDone }: { requestId: string; isAccess: boolean; onDone?: () => void }) {
  type Values = { note: string };
  // Access delivers files and may say nothing more; every other type must say what was done.
  const schema: z.ZodType<Values, { note?: string }> = isAccess ? completeRequestFormSchema : completeRequestFormSchema.extend({ note: z.string("required").trim().min(1, "required").max(5000, "tooLong:5000") });
  const { register, handleSubmit, formState, setError } = useForm<{ note?: string }, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { note: "" } });
  const { run, pending, t } = useStaffAction(setError);
  const fieldError = useFieldError();
  const tf = useTranslations("dashboard.errors.fields");
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();

  const onValid = ({ note }: Values) => {
    const big = files.find((f) => f.size > MAX_FILE_BYTES);
    if (big || files.length > MAX_FILES_PER_SUBMISSION || (isAccess && files.length === 0)) {
      setFileError(big ? tf("fileTooLarge", { name: big.name, maxMb: MAX_MB }) : files.length === 0 ? tf("fileRequired") : tf("fileTooMany", { maxFiles: MAX_FILES_PER_SUBMISSION }));
      document.getElementById("complete-files")?.focus();
      return;
    }
    setFileError(undefined);
    const data = new FormData();
    data.set("note", note);
    for (const file of files) data.append("files", file);
    run(
      (locale) => completeAction(locale, requestId, data),
      t("actions.complete.done"),
      () => {
        setFiles([]);
        onDone?.();
      },
      (result) => {
        if (result.error !== "invalid") return;
        const problem = "fileProblems" in result ? result.fileProblems[0] : undefined;
        if (problem) {
          // A data package may also be JSON, CSV or ZIP: the refusal names those too.
          const key = problem.code === "bad_type" ? "dataPackageBadType" : UPLOAD_PROBLEM_MESSAGE_KEYS[problem.code];
          setFileError(tf(key, { name: problem.name, maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION, maxMegapixels: MAX_IMAGE_MEGAPIXELS }));
        } else if (result.fieldErrors?.files) setFileError(tf("fileRequired"));
      },
    );
  };

  return (
    <form method="post" noValidate onSubmit={handleSubmit(onValid)}>
      <FileField
        id="complete-files"
        accept={DATA_PACKAGE_ACCEPT_ATTRIBUTE}
        label={t("actions.complete.files")}
        hint={t("actions.complete.filesHint", { maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION })}
        files={files}
        onChange={setFiles}
        error={fileError}
        required={isAccess}
        removeLabel={(name) => t("actions.removeFile", { name })}
        texts={{ choose: t("actions.chooseFiles"), none: t("actions.noFilesChosen"), chosen: (count) => t("actions.filesChosen", { count }) }}
      />
      <TextField
        id="complete-note"
        multiline
        required={!isAccess}
        label={t("actions.complete.note")}
        hint={isAccess ? t("actions.complete.noteHintAccess") : t("actions.complete.noteHintOther")}
        error={fieldError(formState.errors.note?.message)}
        {...register("note")}
      />
      <button type="submit" disabled={pending} className={buttonClasses}>
        {t("actions.complete.submit")}
      </button>
    </form>
  );
}
