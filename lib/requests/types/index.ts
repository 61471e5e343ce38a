import { z } from "zod";
import type { RequestType } from "../request-types";
import { access, type AccessDetails } from "./access";
import { correction, type CorrectionDetails } from "./correction";
import { credentialMisuse, type CredentialMisuseDetails } from "./credential-misuse";
import { deletion, type DeletionDetails } from "./deletion";
import type { DetailRow, FormField, IntakeKey, RequestTypeDefinition, StaffDetailsKey, StaffDetailValue } from "./definition";
import { CONTACT_COLUMNS, representativeRule } from "./form-fields";
import { storedText } from "./stored-details";

/**
 * The request-type registry: one module per type (./access.ts, …) with its form, the one parser
 * of its stored answers, what staff and the requester see of them, whether it is urgent, what
 * completes it and its CCPA report line. A type missing here, or a piece missing in its module,
 * is a type error (`satisfies` below); the registry test checks the rest (rules, translations).
 */
const modules = { access, correction, deletion, credential_misuse: credentialMisuse } as const;

/** What each type's parser returns, by type. */
export type DetailsByType = { access: AccessDetails; correction: CorrectionDetails; deletion: DeletionDetails; credential_misuse: CredentialMisuseDetails };
/** A request's answers, read by its type's parser; narrow on `type`. */
export type RequestDetails<T extends RequestType = RequestType> = { [P in T]: DetailsByType[P] }[T];

export const REQUEST_TYPE_REGISTRY: { readonly [T in RequestType]: RequestTypeDefinition<T, DetailsByType[T]> } = modules satisfies {
  [T in RequestType]: RequestTypeDefinition<T, DetailsByType[T]>;
};

/** Every request form: the server action parses with it (the discriminator picks the type's schema). */
export const requestFormSchema = z
  .discriminatedUnion("type", [access.formSchema, correction.formSchema, deletion.formSchema, credentialMisuse.formSchema])
  .superRefine(representativeRule);

export type RequestFormInput = z.input<typeof requestFormSchema>;
export type RequestForm = z.output<typeof requestFormSchema>;

/** One type's form schema, for react-hook-form's resolver (the union would accept any type). */
export function requestFormSchemaFor(type: RequestType) {
  return REQUEST_TYPE_REGISTRY[type].formSchema.superRefine(representativeRule);
}

/**
 * What the form in the browser needs of a type, as plain data: its fields in order, their
 * starting values and the names its schema knows. The page hands it over, so the browser's first
 * load carries no schema (zod comes only when the form is first checked).
 */
export type RequestFormLayout = { fields: readonly FormField[]; defaults: Record<string, unknown>; fieldNames: string[] };

export function requestFormLayout(type: RequestType): RequestFormLayout {
  const definition = REQUEST_TYPE_REGISTRY[type];
  return { fields: definition.formFields, defaults: definition.formDefaults, fieldNames: Object.keys(definition.formSchema.shape) };
}

/** The type's own answers of a filed form, as stored in requests.details (contact fields have columns). */
export function storedDetailsOf(form: RequestForm): Record<string, unknown> {
  const columns: readonly string[] = CONTACT_COLUMNS;
  return Object.fromEntries(Object.entries(form).filter(([key]) => !columns.includes(key)));
}

/** Reads a request's stored answers with its type's parser ({} after anonymisation reads as empty answers). */
export function parseRequestDetails<T extends RequestType>(type: T, details: Record<string, unknown>): RequestDetails<T> {
  return REQUEST_TYPE_REGISTRY[type].parseDetails(details);
}

/** The rows the staff request page shows for the answers (without the comment). */
export function staffDetailRows(details: RequestDetails): DetailRow<StaffDetailsKey, StaffDetailValue>[] {
  return definitionOf(details.type, details).staffView(details);
}

/** The rows the requester's status page shows for their answers (without name and comment). */
export function requesterSummaryRows(details: RequestDetails): DetailRow<IntakeKey>[] {
  return definitionOf(details.type, details).requesterSummary(details);
}

// Ties a type's definition to its details, so the call type-checks without a cast.
function definitionOf<T extends RequestType>(type: T, details: DetailsByType[T]): { staffView: (d: DetailsByType[T]) => DetailRow<StaffDetailsKey, StaffDetailValue>[]; requesterSummary: (d: DetailsByType[T]) => DetailRow<IntakeKey>[] } {
  void details;
  return REQUEST_TYPE_REGISTRY[type];
}

/** The free-text comment every form has, from the stored answers. */
export function storedComment(details: Record<string, unknown>): string | null {
  return storedText(details.comment);
}

export { REPRESENTATIVE_RELATIONS } from "./form-fields";
export { ACCESS_FORMATS } from "./access";
export { DELETION_SCOPES } from "./deletion";
export { PASSWORD_CHANGED } from "./credential-misuse";
export { correctionItemSchema, MAX_CORRECTIONS } from "./correction";
export type { CcpaRight, Correction, DetailRow, DetailValue, FormField, IntakeKey, StaffDetailsKey, StaffDetailValue } from "./definition";
