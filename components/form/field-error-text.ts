import { INTAKE_FIELD_ERRORS, readFieldError } from "@/lib/validation/field-error-codes";

/** The words of `intake.errors` a field's problem is said with (next-intl's `t`, or a plain translator's). */
export type FieldErrorWords = (key: (typeof INTAKE_FIELD_ERRORS)[number], values: { max: number }) => string;

/**
 * A public form's field message code ("tooLong:200") as the sentence under the field, from
 * `intake.errors` (typed keys: a code without a text there is a type error, not a raw key on the
 * page). No next-intl here: the request form words it with its plain translator.
 */
export function fieldErrorText(message: string | undefined, words: FieldErrorWords): string | undefined {
  const error = readFieldError(message, INTAKE_FIELD_ERRORS, "invalid");
  return error ? words(error.key, { max: error.value }) : undefined;
}
