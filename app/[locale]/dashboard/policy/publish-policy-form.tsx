"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { Markdown } from "@/components/markdown";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { policyVersionFormSchema } from "@/lib/policy/policy-version-form";
import { parseErrorCode } from "@/lib/validation/request-forms";
import { publishPolicyVersionAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";
import { DatePickerField } from "@/components/form/date-picker-field";

type Fields = { locale: Locale; version: string; title: string; effectiveOn: string; body: string };
type CurrentTexts = Record<Locale, { version: string; title: string; body: string } | null>;

/**
 * Publishes one language's text of a policy version. What was typed stays in the form when
 * publishing is refused; the text can start from the one in force and be previewed as Markdown.
 */
export function PublishPolicyForm({ locale, today, current }: { locale: Locale; today: string; current: CurrentTexts }) {
  const t = useTranslations("policyAdmin.publish");
  const failureMessage = useFailureMessage("policyAdmin.publish");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [preview, setPreview] = useState(false);
  /** The other languages' date, when "mismatch" is the effective date's error. */
  const [expectedDate, setExpectedDate] = useState<string | null>(null);
  const empty: Fields = { locale, version: "", title: "", effectiveOn: today, body: "" };
  const { register, handleSubmit, formState, setError, setValue, reset, control } = useForm<Fields>({
    resolver: zodResolver(policyVersionFormSchema),
    defaultValues: empty,
  });
  const [language, body] = useWatch({ control, name: ["locale", "body"] });
  const currentText = current[language] ?? null;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });

  function fieldError(field: keyof Fields): string | undefined {
    const code = parseErrorCode(formState.errors[field]?.message);
    if (!code) return undefined;
    switch (code.key) {
      case "required":
      case "chooseOne":
      case "invalidVersion":
      case "invalidDate":
      case "exists":
      case "inPast":
        return t(`errors.${code.key}`);
      case "tooLong":
        return t("errors.tooLong", { max: code.value ?? 0 });
      case "mismatch":
        return t("errors.mismatch", { date: expectedDate ? day(expectedDate) : "—" });
      default:
        return t("errors.invalid");
    }
  }

  const onPublish = (values: Fields) =>
    startTransition(async () => {
      try {
        const result = await publishPolicyVersionAction(locale, values);
        if (result.ok) {
          reset({ ...empty, locale: values.locale });
          setPreview(false);
          setNotice({ kind: "info", text: t("published", { version: result.version, language: LOCALE_NAMES[result.locale] }) });
          router.refresh();
          return;
        }
        if (result.error === "invalid") {
          setExpectedDate(result.effectiveOn ?? null);
          for (const [field, message] of Object.entries(result.fieldErrors)) {
            if (field in empty) setError(field as keyof Fields, { type: "server", message }, { shouldFocus: true });
          }
          setNotice({ kind: "error", text: t("errors.summary"), focus: false });
          return;
        }
        setNotice({ kind: "error", text: failureMessage(result) });
      } catch {
        setNotice({ kind: "error", text: t("errors.unexpected") });
      }
    });

  return (
    <form method="post" noValidate className="mt-2 max-w-3xl" onSubmit={handleSubmit(onPublish)}>
      <FormNotice notice={notice} />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <SelectField
          id="policy-locale"
          label={t("locale")}
          required
          error={fieldError("locale")}
          options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
          registration={register("locale")}
        />
        <TextField id="policy-version" label={t("version")} hint={t("versionHint")} required autoComplete="off" spellCheck={false} error={fieldError("version")} {...register("version")} />
        <Controller
          control={control}
          name="effectiveOn"
          render={({ field }) => (
            <DatePickerField
              id="policy-effective-on"
              name={field.name}
              label={t("effectiveOn")}
              hint={t("effectiveOnHint")}
              required
              error={fieldError("effectiveOn")}
              value={field.value}
              onChange={field.onChange}
              inputRef={field.ref}
            />
          )}
        />
      </div>
      <TextField id="policy-title" lang={language} label={t("titleField")} required error={fieldError("title")} {...register("title")} />
      <TextField id="policy-body" lang={language} multiline rows={16} label={t("body")} hint={t("bodyHint")} required error={fieldError("body")} {...register("body")} />
      <div className="mt-3 flex flex-wrap gap-3">
        {currentText && body.trim() === "" ? (
          <button
            type="button"
            className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
            onClick={() => {
              setValue("title", currentText.title, { shouldDirty: true });
              setValue("body", currentText.body, { shouldDirty: true });
            }}
          >
            {t("startFromCurrent", { version: currentText.version })}
          </button>
        ) : null}
        <button
          type="button"
          aria-expanded={preview}
          className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          onClick={() => setPreview((shown) => !shown)}
        >
          {preview ? t("hidePreview") : t("showPreview")}
        </button>
      </div>
      {preview ? (
        <div id="policy-preview" className="mt-4 rounded-lg border border-slate-200 bg-white p-4" lang={language} data-testid="policy-preview">
          {body.trim() ? <Markdown>{body}</Markdown> : <p className="text-muted">{t("previewEmpty")}</p>}
        </div>
      ) : null}
      <button type="submit" disabled={pending} className={`mt-6 ${submitButtonClasses}`}>
        {t("submit")}
      </button>
    </form>
  );
}
