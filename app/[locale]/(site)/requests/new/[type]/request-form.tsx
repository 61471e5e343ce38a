"use client";

import { useRouter } from "next/navigation";
import { Fragment, useActionState, useMemo, useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch, type Path } from "react-hook-form";
import { CheckboxField, ChoiceGroup } from "@/components/form/choice-group";
import { DateField } from "@/components/form/date-field";
import { FileField } from "@/components/form/file-field";
import { lazyResolver } from "@/components/form/lazy-resolver";
import { useHydrated } from "@/components/form/use-hydrated";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS, UPLOAD_PROBLEM_MESSAGE_KEYS } from "@/lib/files/upload-limits";
import { isJurisdiction, JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { DATA_CATEGORIES, type RequestType } from "@/lib/requests/request-types";
import type { FormField, RequestFormLayout } from "@/lib/requests/types";
import { MAX_CORRECTIONS, REPRESENTATIVE_RELATIONS } from "@/lib/requests/types/form-constants";
import { HONEYPOT_FIELD } from "@/lib/validation/honeypot";
import { fieldErrorText } from "@/components/form/field-error-text";
import { submitPostedRequestAction } from "./actions";
import type { FileField as FileFieldName, SubmitRequestState } from "./submission";
import { storeCodeSentTo } from "../../code-sent-to-session";
import type { CheckedForm, FormValues, TypeFieldName } from "./request-form-values";
import { submitButtonClasses } from "@/components/button-link";
import type { Locale } from "@/lib/i18n/locales";
import { plainTranslator } from "@/lib/i18n/plain-translator";
import type { RequestFormMessages, RequestFormWords } from "./request-form-messages";

/** The chosen type's schema as the form's resolver, fetched on first use (zod never comes with the page). */
function checkedBy(type: RequestType) {
  return lazyResolver(() => import("./request-form-check").then((checks) => checks.requestFormCheck(type)));
}


/** Where the form's script posts (app/api/requests/route.ts); without JavaScript the form posts to its server action. */
const SUBMIT_URL = "/api/requests";


const NOTICE_TONES = { warning: "border-amber-500 bg-amber-50", danger: "border-red-700 bg-red-50" } as const;

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;

/** Client-side file checks, mirroring the server's, so big or too many files are caught before upload. */
function checkFiles(files: File[], t: RequestFormWords): string | undefined {
  if (files.length > MAX_FILES_PER_SUBMISSION) return t("errors.fileTooMany", { maxFiles: MAX_FILES_PER_SUBMISSION });
  const big = files.find((f) => f.size > MAX_FILE_BYTES);
  if (big) return t("errors.fileTooLarge", { name: big.name, maxMb: MAX_MB });
  const empty = files.find((f) => f.size === 0);
  if (empty) return t("errors.fileEmpty", { name: empty.name });
  return undefined;
}

/** An empty form of this type: the contact fields, then the type's own defaults from its module. */
function blankValues(type: RequestType, defaults: Record<string, unknown>, defaultJurisdiction: string): FormValues {
  return {
    type,
    name: "",
    email: "",
    phone: "",
    jurisdiction: isJurisdiction(defaultJurisdiction) ? defaultJurisdiction : "KZ",
    onBehalf: false,
    subjectName: "",
    comment: "",
    consent: false,
    ...structuredClone(defaults),
  };
}

/** A text field's value in the form's values ("corrections.0.field"), for the HTML itself. */
function textAt(values: FormValues, path: string): string {
  const value = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
  return typeof value === "string" ? value : "";
}

type Refusal = { banner: Notice; fieldErrors: Record<string, string>; fileErrors: Partial<Record<FileFieldName, string>> };

/** What the server's refusal means on the page: the banner, each field's problem, each file field's. */
function describeRefusal(state: Exclude<SubmitRequestState, { ok: true }>, t: RequestFormWords): Refusal {
  if (state.error === "rate_limited") return { banner: { kind: "error", text: t("errors.rateLimited", { minutes: state.retryAfterMinutes }) }, fieldErrors: {}, fileErrors: {} };
  if (state.error === "unexpected") return { banner: { kind: "error", text: t("errors.unexpected") }, fieldErrors: {}, fileErrors: {} };
  const fileErrors: Partial<Record<FileFieldName, string>> = {};
  for (const { field, problems } of state.fileProblems) {
    const first = problems[0];
    if (!first) continue;
    fileErrors[field] = t(`errors.${UPLOAD_PROBLEM_MESSAGE_KEYS[first.code]}`, { name: first.name, maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION, maxMegapixels: MAX_IMAGE_MEGAPIXELS });
  }
  if (state.fieldErrors.proofOfAuthority) fileErrors.proofOfAuthority = t("errors.fileRequired");
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).filter(([path]) => path !== "proofOfAuthority"));
  return { banner: { kind: "error", text: t("errors.summary"), focus: false }, fieldErrors, fileErrors };
}

/**
 * `layout` is the type's fields from its module (lib/requests/types), handed over by the page as
 * plain data; `messages` its words, worded here by the plain translator (next-intl's client is
 * not in the form's script): only the keys this form names, picked by ./request-form-messages.ts.
 */
export function RequestForm({ type, layout, defaultJurisdiction, locale, messages }: { type: RequestType; layout: RequestFormLayout; defaultJurisdiction: string; locale: Locale; messages: RequestFormMessages }) {
  const words = useMemo(() => plainTranslator(messages.intake, locale, "intake"), [messages.intake, locale]);
  // The keys the form names itself (its type says which were passed); the module's own keys
  // (labels, legends, notices, options) are worded by `words` and picked from the same layout.
  const t: RequestFormWords = words;
  const tc = useMemo(() => plainTranslator(messages.categories, locale, "categories"), [messages.categories, locale]);
  const dateWords = messages.dateField;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [banner, setBanner] = useState<Notice | null>(null);
  const [files, setFiles] = useState<Record<FileFieldName, File[]>>({ proofOfAuthority: [], supportingDocuments: [] });
  const [fileErrors, setFileErrors] = useState<Partial<Record<FileFieldName, string>>>({});
  // Before (or without) JavaScript the browser posts the form to this action itself; what it
  // answers is rendered here: the answers as typed and the problems, nothing lost.
  const [posted, postAction] = useActionState(submitPostedRequestAction, null);
  const postedRefusal = posted ? describeRefusal(posted, t) : null;
  const initial: FormValues = { ...blankValues(type, layout.defaults, defaultJurisdiction), ...(posted?.values as Partial<FormValues> | undefined) };
  const check = useMemo(() => checkedBy(type), [type]);

  const form = useForm<FormValues, unknown, CheckedForm>({
    resolver: check.resolver,
    defaultValues: initial,
    shouldFocusError: true,
  });
  const { register, handleSubmit, formState, setError, setFocus, control } = form;
  const corrections = useFieldArray({ control, name: "corrections" });
  const onBehalf = useWatch({ control, name: "onBehalf" });
  // Before the script runs every part is in the page (CSS opens "on someone's behalf" when it is
  // ticked); after, a part is mounted only when chosen, so the page holds no hidden fields.
  const scripted = useHydrated();
  const typeFields = layout.fields;
  const typeFieldNames: ReadonlySet<string> = new Set(layout.fieldNames);
  // The module's field names are its schema's keys (the registry test checks it); this says so to the types.
  const isTypeField = (name: string): name is TypeFieldName => typeFieldNames.has(name);
  const fieldName = (name: string): TypeFieldName => {
    if (!isTypeField(name)) throw new Error(`the ${type} form has no field "${name}"`);
    return name;
  };
  // Fields shown only while another has a value (deletion: the categories, once "only some" is chosen).
  const conditionNames = typeFields.flatMap((field) => (field.kind === "choices" && field.showWhen ? [fieldName(field.showWhen.field)] : []));
  const conditionValues = useWatch({ control, name: conditionNames });
  const shown = (field: FormField) =>
    !scripted || field.kind !== "choices" || !field.showWhen || conditionValues[conditionNames.indexOf(fieldName(field.showWhen.field))] === field.showWhen.equals;

  const errorText = (message: string | undefined) => fieldErrorText(message, (key, values) => t(`errors.${key}`, values));
  // The posted answer's problems stand until the script submits the form itself.
  const fromPost = formState.submitCount === 0 ? postedRefusal : null;
  const err = (path: string) => {
    const node = path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], formState.errors);
    return errorText((node as { message?: string } | undefined)?.message ?? fromPost?.fieldErrors[path]);
  };
  const fileError = (field: FileFieldName) => fileErrors[field] ?? fromPost?.fileErrors[field];
  // Text inputs carry their value in the HTML too (react-hook-form fills them only once its script runs).
  const textField = (name: Path<FormValues>) => ({ ...register(name), defaultValue: textAt(initial, name) });
  const req = { required: true };
  const reqGroup = { required: true, requiredLabel: t("required") };

  const showBanner = (text: string) => setBanner({ kind: "error", text });

  function applyServerState(state: Exclude<SubmitRequestState, { ok: true }>) {
    const refusal = describeRefusal(state, t);
    if (state.error !== "invalid") return setBanner(refusal.banner);
    const entries = Object.entries(refusal.fieldErrors);
    setFileErrors(refusal.fileErrors);
    for (const [path, message] of entries) setError(path as Path<FormValues>, { type: "server", message });
    const firstField = entries[0]?.[0];
    if (firstField) setFocus(firstField as Path<FormValues>);
    else document.getElementById(Object.keys(refusal.fileErrors)[0] ?? "")?.focus();
    setBanner(refusal.banner);
  }

  const onValid = (values: CheckedForm, event?: React.BaseSyntheticEvent) => {
    const clientFileErrors: Partial<Record<FileFieldName, string>> = {
      proofOfAuthority: values.onBehalf ? (files.proofOfAuthority.length === 0 ? t("errors.fileRequired") : checkFiles(files.proofOfAuthority, t)) : undefined,
      supportingDocuments: checkFiles(files.supportingDocuments, t),
    };
    setFileErrors(clientFileErrors);
    const firstBad = (Object.keys(clientFileErrors) as FileFieldName[]).find((key) => clientFileErrors[key]);
    if (firstBad) {
      document.getElementById(firstBad)?.focus();
      return;
    }
    const data = new FormData();
    data.set("locale", locale);
    data.set("payload", JSON.stringify(values));
    const formElement = event?.target instanceof HTMLFormElement ? event.target : null;
    data.set(HONEYPOT_FIELD, String(formElement ? (new FormData(formElement).get(HONEYPOT_FIELD) ?? "") : ""));
    if (values.onBehalf) for (const file of files.proofOfAuthority) data.append("proofOfAuthority", file);
    for (const file of files.supportingDocuments) data.append("supportingDocuments", file);
    setBanner(null);
    startTransition(async () => {
      try {
        // A route handler, not a server action (app/api/requests/route.ts): it answers the
        // outcome as JSON, whatever the status, and a refusal's status is a 4xx.
        const response = await fetch(SUBMIT_URL, { method: "POST", body: data, headers: { Accept: "application/json" } });
        const state = (await response.json()) as SubmitRequestState;
        // Filed: on to the code page (the answer is small and leaves the navigation to us),
        // which names the masked address the code went to from what is kept here.
        if (state.ok) {
          storeCodeSentTo(state.next, state.sentTo);
          router.push(state.next);
        } else applyServerState(state);
      } catch {
        showBanner(t("errors.unexpected"));
      }
    });
  };

  const onInvalid = () => setBanner({ kind: "error", text: t("errors.summary"), focus: false });

  const categoryOptions = DATA_CATEGORIES.map((value) => ({ value, label: tc(value) }));
  // A refused post without JavaScript cannot give files back (the browser empties file inputs).
  const fileHint = (extra?: string) => [extra, t("fields.filesHint", { maxMb: MAX_MB, maxFiles: MAX_FILES_PER_SUBMISSION }), fromPost ? t("fields.filesChooseAgain") : undefined].filter(Boolean).join(" ");
  const removeLabel = (name: string) => t("fields.removeFile", { name });
  const fileTexts = { choose: t("fields.chooseFiles"), none: t("fields.noFilesChosen"), chosen: (count: number) => t("fields.filesChosen", { count }) };

  // One field of the type's own part of the form, as its module lists it (a function, not a component: inputs keep their identity).
  function typeField(field: FormField): React.ReactNode {
    if (!shown(field)) return null;
    switch (field.kind) {
      case "notice":
        return (
          <div className={`mt-4 rounded-md border-l-4 p-3 ${NOTICE_TONES[field.tone]}`}>
            <h3 className="font-semibold">{words(field.title)}</h3>
            {field.paragraphs?.map((key) => (
              <p key={key} className="mt-1">
                {words(key)}
              </p>
            ))}
            {field.bullets ? (
              <ul className="mt-1 list-disc pl-5">
                {field.bullets.map((key) => (
                  <li key={key}>{words(key)}</li>
                ))}
              </ul>
            ) : null}
            {field.emphasis ? <p className="mt-1 font-medium">{words(field.emphasis)}</p> : null}
          </div>
        );
      case "choices":
        return (
          <ChoiceGroup
            id={field.name}
            type={field.multiple ? "checkbox" : "radio"}
            legend={words(field.legend)}
            options={field.options === "categories" ? categoryOptions : field.options.map(({ value, label }) => ({ value, label: words(`options.${label}`) }))}
            registration={register(fieldName(field.name))}
            defaultValue={initial[fieldName(field.name)]}
            error={err(field.name)}
            {...reqGroup}
          />
        );
      case "text":
        return (
          <TextField
            id={field.name}
            multiline={field.multiline}
            label={words(field.label)}
            hint={field.hint ? words(field.hint) : undefined}
            error={err(field.name)}
            {...textField(fieldName(field.name))}
            required={field.required || undefined}
          />
        );
      case "date":
        return <DateField id={field.name} label={words(field.label)} words={dateWords} error={err(field.name)} {...textField(fieldName(field.name))} required={field.required || undefined} />;
      case "checkbox":
        return <CheckboxField id={field.name} label={words(field.label)} registration={register(fieldName(field.name))} defaultChecked={initial[fieldName(field.name)] === true} error={err(field.name)} />;
      case "corrections":
        return correctionsFields();
    }
  }

  // Built only for a type that has the list (its words are passed only then).
  const correctionsFields = () => (
    <fieldset className="mt-4">
      <legend className="font-medium">{t("fields.corrections")}</legend>
      {corrections.fields.map((item, index) => (
        <div key={item.id} className="mt-3 rounded-md border border-slate-300 p-3">
          <p className="font-medium">{t("fields.correctionNumber", { number: index + 1 })}</p>
          <TextField id={`corrections.${index}.field`} label={t("fields.correctionField")} hint={index === 0 ? t("fields.correctionFieldHint") : undefined} error={err(`corrections.${index}.field`)} {...textField(`corrections.${index}.field` as const)} {...req} />
          <TextField id={`corrections.${index}.currentValue`} label={t("fields.currentValue")} error={err(`corrections.${index}.currentValue`)} {...textField(`corrections.${index}.currentValue` as const)} />
          <TextField id={`corrections.${index}.correctedValue`} label={t("fields.correctedValue")} error={err(`corrections.${index}.correctedValue`)} {...textField(`corrections.${index}.correctedValue` as const)} {...req} />
          {corrections.fields.length > 1 ? (
            <button type="button" className="mt-2 text-red-800 underline" onClick={() => corrections.remove(index)}>
              {t("fields.removeCorrection", { number: index + 1 })}
            </button>
          ) : null}
        </div>
      ))}
      {corrections.fields.length < MAX_CORRECTIONS ? (
        <button type="button" className="mt-3 rounded-md border border-brand-700 px-3 py-2 text-brand-800" onClick={() => corrections.append({ field: "", currentValue: "", correctedValue: "" })}>
          {t("fields.addCorrection")}
        </button>
      ) : null}
      <FileField
        id="supportingDocuments"
        label={t("fields.supportingDocuments")}
        hint={fileHint(t("fields.supportingHint"))}
        files={files.supportingDocuments}
        onChange={(next) => setFiles((current) => ({ ...current, supportingDocuments: next }))}
        error={fileError("supportingDocuments")}
        removeLabel={removeLabel}
        texts={fileTexts}
      />
    </fieldset>
  );

  return (
    <form action={postAction} method="post" noValidate onFocus={check.preload} onSubmit={handleSubmit(onValid, onInvalid)} className="max-w-2xl" aria-busy={pending}>
      <FormNotice notice={banner ?? fromPost?.banner ?? null} />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="locale" value={locale} />

      {/* Honeypot: hidden from people and assistive technology; bots fill it in. */}
      <div aria-hidden="true" className="absolute left-[-10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>Website</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <section aria-labelledby="section-request" className="mt-2">
        <h2 id="section-request" className="text-xl font-semibold">
          {t("sections.request")}
        </h2>

        {typeFields.map((field, index) => (
          <Fragment key={index}>{typeField(field)}</Fragment>
        ))}

        <TextField id="comment" multiline label={t("fields.comment")} hint={t("fields.commentHint")} error={err("comment")} {...textField("comment")} />
      </section>

      <section aria-labelledby="section-about" className="mt-8">
        <h2 id="section-about" className="text-xl font-semibold">
          {t("sections.about")}
        </h2>
        <TextField id="name" autoComplete="name" label={t("fields.name")} error={err("name")} {...textField("name")} {...req} />
        <TextField id="email" type="email" autoComplete="email" label={t("fields.email")} hint={t("fields.emailHint")} error={err("email")} {...textField("email")} {...req} />
        <TextField id="phone" type="tel" autoComplete="tel" label={t("fields.phone")} hint={t("fields.phoneHint")} error={err("phone")} {...textField("phone")} />
        <SelectField
          id="jurisdiction"
          label={t("fields.jurisdiction")}
          options={JURISDICTIONS.map((value) => ({ value, label: t(`options.jurisdiction.${value}`) }))}
          registration={register("jurisdiction")}
          defaultValue={initial.jurisdiction}
          error={err("jurisdiction")}
          {...req}
        />
      </section>

      <section aria-labelledby="section-representative" className="group/representative mt-8">
        <h2 id="section-representative" className="text-xl font-semibold">
          {t("sections.representative")}
        </h2>
        <CheckboxField id="onBehalf" label={t("fields.onBehalf")} registration={register("onBehalf")} defaultChecked={initial.onBehalf} error={err("onBehalf")} />
        {/* Shown by CSS when the box is ticked, so it also opens before JavaScript runs. */}
        {!scripted || onBehalf ? (
          <div className="hidden group-has-[#onBehalf:checked]/representative:block">
            <SelectField
              id="representativeRelation"
              label={t("fields.representativeRelation")}
              placeholder="—"
              options={REPRESENTATIVE_RELATIONS.map((value) => ({ value, label: t(`options.representativeRelation.${value}`) }))}
              registration={register("representativeRelation", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
              defaultValue={initial.representativeRelation ?? ""}
              error={err("representativeRelation")}
              {...req}
            />
            <TextField id="subjectName" label={t("fields.subjectName")} error={err("subjectName")} {...textField("subjectName")} {...req} />
            <FileField
              id="proofOfAuthority"
              label={t("fields.proofOfAuthority")}
              hint={fileHint(t("fields.proofHint"))}
              files={files.proofOfAuthority}
              onChange={(next) => setFiles((current) => ({ ...current, proofOfAuthority: next }))}
              error={fileError("proofOfAuthority")}
              removeLabel={removeLabel}
              texts={fileTexts}
              {...req}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="section-confirm" className="mt-8">
        <h2 id="section-confirm" className="text-xl font-semibold">
          {t("sections.confirm")}
        </h2>
        <CheckboxField id="consent" label={t("fields.consent")} registration={register("consent")} defaultChecked={initial.consent} error={err("consent")} />
      </section>

      <button type="submit" disabled={pending} className={`mt-8 ${submitButtonClasses}`}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
