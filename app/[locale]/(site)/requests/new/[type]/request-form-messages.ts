import type { DateFieldWords } from "@/components/form/date-field";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";
import type { MessageValues } from "@/lib/i18n/plain-translator";
import { pickMessagePaths } from "@/lib/i18n/pick-message-paths";
import type { RequestType } from "@/lib/requests/request-types";
import { requestFormLayout, type FormField, type IntakeKey } from "@/lib/requests/types";
import { CORRECTIONS_KEYS, fieldKeys } from "@/lib/requests/types/field-keys";

/**
 * The `intake` keys (or whole parts of it) every request form words itself with, whatever its
 * type. The page hands the form only these and its type's own (`requestFormIntakeKeys`), not the
 * whole catalogue part: the verify, confirm and lost-link pages' words and the other types' fields
 * stay out of the page's flight data (a third to half of `intake`, depending on the type).
 */
export const REQUEST_FORM_KEYS = [
  "required",
  "submit",
  "submitting",
  "sections.request",
  "sections.about",
  "sections.representative",
  "sections.confirm",
  "fields.comment",
  "fields.commentHint",
  "fields.name",
  "fields.email",
  "fields.emailHint",
  "fields.phone",
  "fields.phoneHint",
  "fields.jurisdiction",
  "options.jurisdiction",
  "fields.onBehalf",
  "fields.representativeRelation",
  "options.representativeRelation",
  "fields.subjectName",
  "fields.proofOfAuthority",
  "fields.proofHint",
  "fields.filesHint",
  "fields.filesChooseAgain",
  "fields.removeFile",
  "fields.chooseFiles",
  "fields.noFilesChosen",
  "fields.filesChosen",
  "fields.consent",
  // Looked up by keys built from codes (a field's problem, an upload's, the server's refusal): the whole part.
  "errors",
] as const;


type Listed = (typeof REQUEST_FORM_KEYS)[number] | (typeof CORRECTIONS_KEYS)[number];

/**
 * The keys the form may name itself: the listed ones and the messages under a listed part. The
 * form's own `t` takes only these, so a key it names that is not passed is a type error; the keys
 * its type's module names (labels, legends, notices, options) are picked from the same layout.
 */
export type RequestFormKey = Extract<IntakeKey, Listed | `${Listed}.${string}`>;

/** `t` over the picked part of `intake`, for the keys the form names itself. */
export type RequestFormWords = (key: RequestFormKey, values?: MessageValues) => string;

/** Every `intake` key (or part) a form with these fields words itself with. */
export function requestFormIntakeKeys(fields: readonly FormField[]): string[] {
  return [...new Set([...REQUEST_FORM_KEYS, ...fields.flatMap(fieldKeys)])];
}

/**
 * The catalogue parts the request form words itself with, as plain data (its words are formatted
 * by lib/i18n/plain-translator.ts, whose tests cover every message of these namespaces). `intake`
 * holds only the form's keys; its type says the whole part, since the form's translator is typed
 * on the catalogue's keys (request-form-messages.test.tsx renders every form in every language
 * with a translator that fails on a key that was not passed).
 */
export type RequestFormMessages = { intake: Messages["intake"]; categories: Messages["categories"]; dateField: DateFieldWords };

/** Those parts of a language's catalogue for a form with these fields. */
export function requestFormMessages(all: Messages, fields: readonly FormField[]): RequestFormMessages {
  return {
    intake: pickMessagePaths(all.intake, requestFormIntakeKeys(fields)) as Messages["intake"],
    categories: all.categories,
    dateField: { placeholder: all.dateField.placeholder, hint: all.dateField.hint },
  };
}

const kept = new Map<string, RequestFormMessages>();

/** A type's form messages in a language, picked once per process (the catalogues are fixed at build time). */
export async function getRequestFormMessages(locale: Locale, type: RequestType): Promise<RequestFormMessages> {
  const key = `${locale} ${type}`;
  let messages = kept.get(key);
  if (!messages) kept.set(key, (messages = requestFormMessages(await loadMessages(locale), requestFormLayout(type).fields)));
  return messages;
}
