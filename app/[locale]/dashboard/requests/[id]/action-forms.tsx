"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { submitButtonClasses } from "@/components/button-link";
import { FileField } from "@/components/form/file-field";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFailureMessage, type FailureNamespace } from "@/components/form/use-failure-message";
import { postedFields, sendToAction } from "@/components/form/use-hydrated";
import { DATA_PACKAGE_ACCEPT_ATTRIBUTE, MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS, UPLOAD_PROBLEM_MESSAGE_KEYS } from "@/lib/files/upload-limits";
import {
  askRequesterFormSchema,
  completeRequestFormSchema,
  DENIAL_REASON_CODES,
  denyRequestFormSchema,
  extendDeadlineFormSchema,
  internalNoteFormSchema,
} from "@/lib/requests/staff/schemas";
import { readFieldError } from "@/lib/validation/request-forms";
import { PACKAGE_FIELD } from "./action-fields";
import { askFormAction, completeFormAction, denyFormAction, extendFormAction, noteFormAction, statusFormAction, type StatusMoveName } from "./actions";
import type { ActionFormState } from "./answer-form";
import { useConfirmationText } from "../../confirmations";

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;
const buttonClasses = `mt-4 ${submitButtonClasses}`;

type FormAction = (previous: ActionFormState, data: FormData) => Promise<ActionFormState>;

/**
 * Where an action form sits. In the request page's dialog (`onDone` closes it and hands the
 * confirmation to the page), on the action's own page for a browser without JavaScript
 * (`onPage`: done, the server sends the browser back to the request), or in the composer.
 */
export type ActionFormPlace = { requestId: string; onPage?: boolean; onDone?: (confirmation: string) => void };

/**
 * A form whose `action` is a server action, so the browser posts it by itself before (or
 * without) JavaScript, and the page's script sends the same fields once it runs. The answer is
 * the form's state: its notice (in the HTML too), the field errors, and what was typed.
 */
export function useActionForm(formAction: FormAction, done: string, onDone?: (confirmation: string) => void, namespace: FailureNamespace = "dashboard") {
  const [state, dispatch, pending] = useActionState(formAction, null);
  const failureMessage = useFailureMessage(namespace);
  const refused = state && !state.ok ? state : null;
  // One notice per answer (memoised: a new one takes focus). A confirmation handed to onDone (a
  // dialog closing, a toast) is not repeated in the form.
  const handedOn = onDone !== undefined;
  const notice = useMemo<Notice | null>(
    () => (state?.ok ? (handedOn ? null : { kind: "info", text: done }) : state ? { kind: "error", text: failureMessage(state) } : null),
    [state, done, failureMessage, handedOn],
  );
  // Told once per answer, not again on a re-render (a dialog closes on it).
  const answered = useRef(state);
  useEffect(() => {
    if (state === answered.current) return;
    answered.current = state;
    if (state?.ok) onDone?.(done);
  }, [state, onDone, done]);
  return { state, refused, dispatch, pending, notice, typed: (field: string) => refused?.values[field] ?? "" };
}

/** The request and the page's language (what the server action checks), and where to go when done. */
export function PlaceFields({ requestId, onPage }: Pick<ActionFormPlace, "requestId" | "onPage">) {
  const locale = useLocale();
  return (
    <>
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="locale" value={locale} />
      {onPage ? <input type="hidden" name="after" value="page" /> : null}
    </>
  );
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
  place,
  id,
  field,
  label,
  hint,
  submit,
  done,
  schema,
  formAction,
}: {
  place: ActionFormPlace;
  id: string;
  field: string;
  label: string;
  hint?: ReactNode;
  submit: string;
  done: string;
  schema: z.ZodType<Record<string, string>, Record<string, string>>;
  formAction: FormAction;
}) {
  const { state, refused, dispatch, pending, notice, typed } = useActionForm(formAction, done, place.onDone);
  const { register, handleSubmit, formState, reset } = useForm<Record<string, string>>({ resolver: zodResolver(schema), defaultValues: { [field]: typed(field) } });
  const fieldError = useFieldError();
  // Done and still on the page (a note): empty for the next one.
  useEffect(() => {
    if (state?.ok) reset({ [field]: "" });
  }, [state, reset, field]);
  return (
    <form action={dispatch} method="post" noValidate onSubmit={handleSubmit(sendToAction(dispatch))}>
      <FormNotice notice={notice} />
      <PlaceFields {...place} />
      <TextField
        id={id}
        multiline
        required
        label={label}
        hint={hint}
        error={fieldError(formState.errors[field]?.message ?? refused?.fieldErrors?.[field])}
        defaultValue={typed(field)}
        {...register(field)}
      />
      <button type="submit" disabled={pending} className={buttonClasses}>
        {submit}
      </button>
    </form>
  );
}

export function AskForm({ pauses, ...place }: ActionFormPlace & { pauses: boolean }) {
  const t = useTranslations("dashboard.actions.ask");
  const done = useConfirmationText();
  return (
    <TextActionForm
      place={place}
      id="ask-message"
      field="message"
      label={t("message")}
      hint={pauses ? `${t("hint")} ${t("pauseHint")}` : t("hint")}
      submit={t("submit")}
      done={done("ask_requester")}
      schema={askRequesterFormSchema}
      formAction={askFormAction}
    />
  );
}

export function ExtendForm({ period, ...place }: ActionFormPlace & { period: string }) {
  const t = useTranslations("dashboard.actions.extend");
  const done = useConfirmationText();
  return (
    <TextActionForm
      place={place}
      id="extend-reason"
      field="reason"
      label={t("reason")}
      hint={t("hint", { period })}
      submit={t("submit")}
      done={done("extend_deadline")}
      schema={extendDeadlineFormSchema}
      formAction={extendFormAction}
    />
  );
}

export function NoteForm(place: ActionFormPlace) {
  const t = useTranslations("dashboard.actions.note");
  const done = useConfirmationText();
  return (
    <TextActionForm
      place={place}
      id="note-body"
      field="body"
      label={t("body")}
      hint={t("hint")}
      submit={t("submit")}
      done={done("note")}
      schema={internalNoteFormSchema}
      formAction={noteFormAction}
    />
  );
}

export function DenyForm(place: ActionFormPlace) {
  type Schema = typeof denyRequestFormSchema;
  const t = useTranslations("dashboard");
  const { refused, dispatch, pending, notice, typed } = useActionForm(denyFormAction, useConfirmationText()("deny"), place.onDone);
  // No reason chosen yet: the select shows its "choose" line and the schema asks for one.
  const { register, handleSubmit, formState } = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(denyRequestFormSchema),
    defaultValues: { note: typed("note"), ...(typed("reason") ? { reason: typed("reason") as z.input<Schema>["reason"] } : {}) },
  });
  const fieldError = useFieldError();
  return (
    <form action={dispatch} method="post" noValidate onSubmit={handleSubmit(sendToAction(dispatch))}>
      <FormNotice notice={notice} />
      <PlaceFields {...place} />
      <SelectField
        id="deny-reason"
        required
        label={t("actions.deny.reason")}
        placeholder={t("actions.deny.choose")}
        options={DENIAL_REASON_CODES.map((code) => ({ value: code, label: t(`denialReasons.${code}`) }))}
        error={fieldError(formState.errors.reason?.message ?? refused?.fieldErrors?.reason)}
        defaultValue={typed("reason")}
        registration={register("reason")}
      />
      <TextField
        id="deny-note"
        multiline
        required
        label={t("actions.deny.note")}
        hint={t("actions.deny.hint")}
        error={fieldError(formState.errors.note?.message ?? refused?.fieldErrors?.note)}
        defaultValue={typed("note")}
        {...register("note")}
      />
      <button type="submit" disabled={pending} className={buttonClasses}>
        {t("actions.deny.submit")}
      </button>
    </form>
  );
}

export function CompleteForm({ isAccess, ...place }: ActionFormPlace & { isAccess: boolean }) {
  type Values = { note: string };
  const t = useTranslations("dashboard");
  const tf = useTranslations("dashboard.errors.fields");
  const { refused, dispatch, pending, notice, typed } = useActionForm(completeFormAction, useConfirmationText()("complete"), place.onDone);
  // Access delivers files and may say nothing more; every other type must say what was done.
  const schema: z.ZodType<Values, { note?: string }> = isAccess ? completeRequestFormSchema : completeRequestFormSchema.extend({ note: z.string("required").trim().min(1, "required").max(5000, "tooLong:5000") });
  const { register, handleSubmit, formState } = useForm<{ note?: string }, unknown, Values>({ resolver: zodResolver(schema), defaultValues: { note: typed("note") } });
  const fieldError = useFieldError();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();

  // The server's word on the files: a file it refused (a data package may also be JSON, CSV or ZIP), or none given.
  const problem = refused && "fileProblems" in refused ? refused.fileProblems[0] : undefined;
  const serverFileError = problem
    ? tf(problem.code === "bad_type" ? "dataPackageBadType" : UPLOAD_PROBLEM_MESSAGE_KEYS[problem.code], { name: problem.name, maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION, maxMegapixels: MAX_IMAGE_MEGAPIXELS })
    : refused?.fieldErrors?.files
      ? tf("fileRequired")
      : undefined;
  // Posted by the browser itself and refused: the files did not come back with the page.
  const chooseAgain = refused && formState.submitCount === 0 ? t("actions.filesChooseAgain") : undefined;

  const onValid = (_values: Values, event?: React.BaseSyntheticEvent) => {
    const big = files.find((f) => f.size > MAX_FILE_BYTES);
    if (big || files.length > MAX_FILES_PER_SUBMISSION || (isAccess && files.length === 0)) {
      setFileError(big ? tf("fileTooLarge", { name: big.name, maxMb: MAX_MB }) : files.length === 0 ? tf("fileRequired") : tf("fileTooMany", { maxFiles: MAX_FILES_PER_SUBMISSION }));
      document.getElementById(PACKAGE_FIELD)?.focus();
      return;
    }
    setFileError(undefined);
    const form = event?.target;
    if (!(form instanceof HTMLFormElement)) return;
    // The files live in state (the input is emptied after each choice): they go with the form's own fields.
    const data = postedFields(form);
    data.delete(PACKAGE_FIELD);
    for (const file of files) data.append(PACKAGE_FIELD, file);
    startTransition(() => dispatch(data));
  };

  return (
    <form action={dispatch} method="post" noValidate onSubmit={handleSubmit(onValid)}>
      <FormNotice notice={notice} />
      <PlaceFields {...place} />
      <FileField
        id={PACKAGE_FIELD}
        accept={DATA_PACKAGE_ACCEPT_ATTRIBUTE}
        label={t("actions.complete.files")}
        hint={[t("actions.complete.filesHint", { maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION }), chooseAgain].filter(Boolean).join(" ")}
        files={files}
        onChange={setFiles}
        error={fileError ?? serverFileError}
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
        error={fieldError(formState.errors.note?.message ?? refused?.fieldErrors?.note)}
        defaultValue={typed("note")}
        {...register("note")}
      />
      <button type="submit" disabled={pending} className={buttonClasses}>
        {t("actions.complete.submit")}
      </button>
    </form>
  );
}

/** A move with nothing to fill in (start, hold, resume, reopen): on its own page, one button. */
export function MoveForm({ move, ...place }: ActionFormPlace & { move: StatusMoveName }) {
  const t = useTranslations("dashboard.actions");
  const { dispatch, pending, notice } = useActionForm(statusFormAction, useConfirmationText()(move), place.onDone);
  return (
    <form action={dispatch} method="post">
      <FormNotice notice={notice} />
      <PlaceFields {...place} />
      <input type="hidden" name="move" value={move} />
      <button type="submit" disabled={pending} className={submitButtonClasses}>
        {t(`${move}.submit`)}
      </button>
    </form>
  );
}
