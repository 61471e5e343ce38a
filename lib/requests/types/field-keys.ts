import type { FormField } from "./definition";

/** What a type with the corrections list (kind "corrections") words besides its module's own keys. */
export const CORRECTIONS_KEYS = [
  "fields.corrections",
  "fields.correctionNumber",
  "fields.correctionField",
  "fields.correctionFieldHint",
  "fields.currentValue",
  "fields.correctedValue",
  "fields.removeCorrection",
  "fields.addCorrection",
  "fields.supportingDocuments",
  "fields.supportingHint",
] as const;

/** The `intake` keys one field of a type's module names (as the request form words that field; the form's page and the registry's test both read it here). */
export function fieldKeys(field: FormField): readonly string[] {
  switch (field.kind) {
    case "notice":
      return [field.title, ...(field.paragraphs ?? []), ...(field.bullets ?? []), ...(field.emphasis ? [field.emphasis] : [])];
    case "choices":
      return [field.legend, ...(field.options === "categories" ? [] : field.options.map(({ label }) => `options.${label}`))];
    case "text":
      return [field.label, ...(field.hint ? [field.hint] : [])];
    case "date":
    case "checkbox":
      return [field.label];
    case "corrections":
      return CORRECTIONS_KEYS;
  }
}
