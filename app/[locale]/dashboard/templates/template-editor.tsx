"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { inputClasses } from "@/components/form/field-parts";
import { FieldShell } from "@/components/form/field-shell";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { unknownTemplateVariables, type TemplateVariable } from "@/lib/replies/fill-template";
import { replyTemplateSchema } from "@/lib/replies/schemas";
import { parseErrorCode } from "@/lib/validation/request-forms";
import { previewTemplateAction, saveTemplateAction, type PreviewTemplateState } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

type Fields = { id?: string; key: string; locale: Locale; name: string; subject: string; body: string };
type FieldName = Exclude<keyof Fields, "id">;

export type EditableTemplate = { id: string; key: string; locale: Locale; name: string; subject: string; body: string };
export type SampleRequestOption = { id: string; reference: string; locale: string };

/**
 * Edits one reply template (or creates one, when `template` is null) and previews the text
 * being edited, saved or not, filled with a chosen request's values.
 */
export function TemplateEditor({
  locale,
  template,
  newLocale,
  samples,
  justSaved = false,
}: {
  /** The dashboard's language. */
  locale: Locale;
  template: EditableTemplate | null;
  /** The language a new template starts in. */
  newLocale: Locale;
  samples: SampleRequestOption[];
  /** Just created (the page came back with ?saved=1). */
  justSaved?: boolean;
}) {
  const t = useTranslations("replies.templates");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(justSaved ? { kind: "info", text: t("saved"), focus: false } : null);
  const [sampleId, setSampleId] = useState("");
  const [preview, setPreview] = useState<Extract<PreviewTemplateState, { ok: true }>["preview"] | null>(null);
  const { register, handleSubmit, formState, getValues, setError, control } = useForm<Fields>({
    resolver: zodResolver(replyTemplateSchema),
    defaultValues: template ?? { key: "", locale: newLocale, name: "", subject: "", body: "" },
  });
  const templateLocale = useWatch({ control, name: "locale" });

  function fieldError(field: FieldName): string | undefined {
    const code = parseErrorCode(formState.errors[field]?.message);
    if (!code) return undefined;
    switch (code.key) {
      case "required":
      case "invalidKey":
      case "chooseOne":
        return t(`errors.${code.key}`);
      case "tooLong":
        return t("errors.tooLong", { max: code.value ?? 0 });
      case "unknownVariables":
        return t("errors.unknownVariables", { names: unknownTemplateVariables(String(getValues(field) ?? "")).map((name) => `{{${name}}}`).join(", ") });
      default:
        return t("errors.invalid");
    }
  }

  const refusal = (error: "unauthorized" | "forbidden" | "not_found" | "unexpected" | "exists" | "sample_not_found") =>
    ({
      unauthorized: t("errors.signedOut"),
      forbidden: t("errors.forbidden"),
      not_found: t("errors.notFound"),
      exists: t("errors.exists"),
      sample_not_found: t("errors.sampleNotFound"),
      unexpected: t("errors.unexpected"),
    })[error];

  const onSave = (values: Fields) =>
    startTransition(async () => {
      try {
        const state = await saveTemplateAction(locale, { ...values, id: template?.id });
        if (state.ok) {
          setNotice({ kind: "info", text: t("saved") });
          if (!template) router.replace(`/${locale}/dashboard/templates?lang=${state.locale}&edit=${state.id}&saved=1#template-editor`);
          else router.refresh();
          return;
        }
        if (state.error === "invalid") {
          for (const [field, message] of Object.entries(state.fieldErrors)) {
            if (field !== "id") setError(field as FieldName, { type: "server", message });
          }
          setNotice({ kind: "error", text: t("errors.summary") });
          return;
        }
        if (state.error === "exists") setError("key", { type: "server", message: "exists" });
        setNotice({ kind: "error", text: refusal(state.error) });
      } catch {
        setNotice({ kind: "error", text: t("errors.unexpected") });
      }
    });

  const onPreview = () =>
    startTransition(async () => {
      const { locale: draftLocale, subject, body } = getValues();
      try {
        const state = await previewTemplateAction({ locale: draftLocale, subject, body, sampleRequestId: sampleId || null });
        if (state.ok) {
          setPreview(state.preview);
          setNotice(null);
        } else {
          setPreview(null);
          setNotice({ kind: "error", text: refusal(state.error) });
        }
      } catch {
        setNotice({ kind: "error", text: t("errors.unexpected") });
      }
    });

  const keyError = formState.errors.key?.message === "exists" ? t("errors.exists") : fieldError("key");

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form method="post" noValidate onSubmit={handleSubmit(onSave)}>
        <FormNotice notice={notice} />
        <TextField id="template-key" label={t("fields.key")} hint={t("fields.keyHint")} error={keyError} required readOnly={Boolean(template)} autoComplete="off" spellCheck={false} {...register("key")} />
        {template ? (
          <TextField id="template-locale" label={t("fields.locale")} readOnly value={LOCALE_NAMES[template.locale]} />
        ) : (
          <SelectField
            id="template-locale"
            label={t("fields.locale")}
            required
            error={fieldError("locale")}
            options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
            registration={register("locale")}
          />
        )}
        <TextField id="template-name" label={t("fields.name")} hint={t("fields.nameHint")} error={fieldError("name")} required {...register("name")} />
        <TextField id="template-subject" lang={templateLocale} label={t("fields.subject")} error={fieldError("subject")} required {...register("subject")} />
        <TextField id="template-body" lang={templateLocale} multiline rows={14} label={t("fields.body")} error={fieldError("body")} required {...register("body")} />
        <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
          {t("save")}
        </button>
      </form>

      <div>
        <section aria-labelledby="template-variables-title" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h3 id="template-variables-title" className="font-semibold">
            {t("variables.title")}
          </h3>
          <p className="mt-1 text-sm">{t("variables.lead")}</p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
            {VARIABLE_LABELS.map(([name, label]) => (
              <div key={name} className="contents">
                <dt>
                  <code className="rounded bg-white px-1">{`{{${name}}}`}</code>
                </dt>
                <dd>{t(`variables.${label}`)}</dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="template-preview-title" className="mt-6">
          <h3 id="template-preview-title" className="font-semibold">
            {t("preview.title")}
          </h3>
          <FieldShell id="template-sample" label={t("preview.sample")}>
            <select id="template-sample" value={sampleId} onChange={(event) => setSampleId(event.target.value)} className={inputClasses}>
              <option value="">{t("preview.sampleNone")}</option>
              {samples.map((sample) => (
                <option key={sample.id} value={sample.id}>
                  {`${sample.reference} (${sample.locale})`}
                </option>
              ))}
            </select>
          </FieldShell>
          <button type="button" onClick={onPreview} disabled={pending} className="mt-3 inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60">
            {t("preview.show")}
          </button>
          {preview ? (
            <div data-testid="template-preview" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-sm text-muted">{preview.sampleReference ? t("preview.fromRequest", { reference: preview.sampleReference }) : t("preview.fromSample")}</p>
              {preview.unknownVariables.length > 0 ? (
                <p className="mt-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-950">
                  {t("preview.unknownVariables", { names: preview.unknownVariables.map((name) => `{{${name}}}`).join(", ") })}
                </p>
              ) : null}
              <dl className="mt-2">
                <dt className="text-sm font-medium">{t("preview.subject")}</dt>
                <dd className="mt-1" lang={preview.locale}>
                  {preview.subject}
                </dd>
                <dt className="mt-3 text-sm font-medium">{t("preview.body")}</dt>
                <dd className="mt-1 whitespace-pre-wrap break-words" lang={preview.locale}>
                  {preview.body}
                </dd>
              </dl>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}

const VARIABLE_LABELS = [
  ["requester.name", "requesterName"],
  ["request.ref", "requestRef"],
  ["request.dueAt", "requestDueAt"],
  ["request.type", "requestType"],
  ["operator.name", "operatorName"],
  ["operator.email", "operatorEmail"],
] as const satisfies readonly (readonly [TemplateVariable, string])[];
