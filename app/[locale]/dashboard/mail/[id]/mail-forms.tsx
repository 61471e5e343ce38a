"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { useActionFeedback } from "@/components/form/action-feedback";
import { TextField } from "@/components/form/text-field";
import type { Locale } from "@/lib/i18n/locales";
import { attachInboundFormSchema, dismissInboundFormSchema, INBOUND_STATUS_CODES } from "@/lib/inbound/inbound-staff-schemas";
import { readFieldError } from "@/lib/validation/request-forms";
import { attachAction, dismissAction, retryAction, type MailActionResult } from "../actions";
import { submitButtonClasses } from "@/components/button-link";
import { isOneOf } from "@/lib/text/is-one-of";
import { useConfirmationText } from "../../confirmations";

const buttonClasses =
  `mt-4 ${submitButtonClasses}`;
const secondaryButtonClasses =
  "mt-4 inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-5 py-2 font-semibold text-ink hover:bg-slate-100 disabled:opacity-60";

type Failure = Extract<MailActionResult, { ok: false }>;
/** Runs a mail action and turns its answer into a notice and field errors; what was typed stays on failure. */
function useMailAction<T extends FieldValues>(setError?: UseFormSetError<T>) {
  const t = useTranslations("mail");
  const locale = useLocale();
  const show = useActionFeedback();
  const [pending, startTransition] = useTransition();

  const failureMessage = useFailureMessage("mail");
  const explain = (result: Failure): string => {
    if (result.error === "invalid" && setError) {
      for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<T>, { type: "server", message: code });
    }
    return failureMessage(result);
  };

  const run = <R extends MailActionResult<object>>(action: (locale: Locale) => Promise<R>, done: (result: Extract<R, { ok: true }>) => string, onDone?: () => void) => {
    startTransition(async () => {
      try {
        const result = await action(locale);
        if (result.ok) {
          onDone?.();
          show({ kind: "info", text: done(result as Extract<R, { ok: true }>) });
        } else {
          show({ kind: "error", text: explain(result as Failure) });
        }
      } catch (error) {
        console.error(error);
        show({ kind: "error", text: t("errors.unexpected") });
      }
    });
  };
  return { run, pending, t };
}

/** "required", "tooLong:500", "unknownReference" → the sentence shown under the field. */
function useFieldError() {
  const t = useTranslations("mail.errors.fields");
  return (message: string | undefined): string | undefined => {
    const error = readFieldError(message, ["required", "tooLong", "invalid", "unknownReference"], "invalid");
    return error ? t(error.key, { max: error.value }) : undefined;
  };
}

export function AttachForm({ inboundEmailId, hint }: { inboundEmailId: string; hint: string }) {
  type Schema = typeof attachInboundFormSchema;
  const { register, handleSubmit, formState, setError, reset } = useForm<z.input<Schema>, unknown, z.output<Schema>>({ resolver: zodResolver(attachInboundFormSchema), defaultValues: { reference: "", note: "" } });
  const { run, pending, t } = useMailAction(setError);
  const confirmation = useConfirmationText();
  const fieldError = useFieldError();
  return (
    <form
      method="post"
      noValidate
      onSubmit={handleSubmit((values) =>
        run(
          (locale) => attachAction(locale, inboundEmailId, values),
          (result) => confirmation("mail_attach", { reference: result.reference }),
          () => reset(),
        ),
      )}
    >
      <p className="mt-2 text-sm text-muted">{hint}</p>
      <TextField
        id="attach-reference"
        required
        autoComplete="off"
        spellCheck={false}
        label={t("actions.attach.reference")}
        hint={t("actions.attach.referenceHint")}
        error={fieldError(formState.errors.reference?.message)}
        {...register("reference")}
      />
      <TextField id="attach-note" multiline rows={3} label={t("actions.attach.note")} error={fieldError(formState.errors.note?.message)} {...register("note")} />
      <button type="submit" disabled={pending} className={buttonClasses}>
        {t("actions.attach.submit")}
      </button>
    </form>
  );
}

export function DismissForm({ inboundEmailId }: { inboundEmailId: string }) {
  type Values = { reason: string };
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({ resolver: zodResolver(dismissInboundFormSchema), defaultValues: { reason: "" } });
  const { run, pending, t } = useMailAction(setError);
  const confirmation = useConfirmationText();
  const fieldError = useFieldError();
  return (
    <form method="post" noValidate onSubmit={handleSubmit((values) => run((locale) => dismissAction(locale, inboundEmailId, values), () => confirmation("mail_dismiss"), () => reset()))}>
      <TextField
        id="dismiss-reason"
        multiline
        rows={3}
        required
        label={t("actions.dismiss.reason")}
        hint={t("actions.dismiss.hint")}
        error={fieldError(formState.errors.reason?.message)}
        {...register("reason")}
      />
      <button type="submit" disabled={pending} className={secondaryButtonClasses}>
        {t("actions.dismiss.submit")}
      </button>
    </form>
  );
}

export function RetryButton({ inboundEmailId, hint }: { inboundEmailId: string; hint: string }) {
  const { run, pending, t } = useMailAction();
  const confirmation = useConfirmationText();
  const statusName = (status: string) => (isOneOf(INBOUND_STATUS_CODES, status) ? t(`statuses.${status}`) : status);
  return (
    <>
      <p className="mt-2 text-sm text-muted">{hint}</p>
      <button
        type="button"
        disabled={pending}
        className={buttonClasses}
        onClick={() => run((locale) => retryAction(locale, inboundEmailId), (result) => confirmation("mail_retry", { status: statusName(result.status) }))}
      >
        {t("actions.retry.submit")}
      </button>
    </>
  );
}
