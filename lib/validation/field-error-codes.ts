import { isOneOf } from "@/lib/text/is-one-of";

/**
 * The message codes of the schemas ("required", "tooLong:200") as the forms read them. No zod
 * here: the browser's forms import this with their first load, and the schemas only when they
 * first check a form (components/form/lazy-resolver.ts).
 */

/** Splits a message code such as "tooLong:200" into the catalogue key and its argument. */
export function parseErrorCode(message: string | undefined): { key: string; value?: number } | null {
  if (!message) return null;
  const [key, value] = message.split(":");
  return { key: key!, value: value ? Number(value) : undefined };
}

/**
 * A field's message code as one of the codes a form words (`known`, each a key of its catalogue),
 * with its number (the "200" of "tooLong:200", else 0). A code the form does not know reads as
 * `fallback`, so a typo in a schema shows a sentence, never a raw key.
 */
export function readFieldError<const K extends string>(message: string | undefined, known: readonly K[], fallback: K): { key: K; value: number } | null {
  const parsed = parseErrorCode(message);
  if (!parsed) return null;
  return { key: isOneOf(known, parsed.key) ? parsed.key : fallback, value: parsed.value ?? 0 };
}

/** The field codes the public forms use; each is a key under `intake.errors` in the three catalogues. */
export const INTAKE_FIELD_ERRORS = [
  "required",
  "tooLong",
  "controlCharacters",
  "tooMany",
  "invalidEmail",
  "invalidPhone",
  "chooseOne",
  "chooseAtLeastOne",
  "mustAccept",
  "invalidDate",
  "futureDate",
  "invalid",
  "invalidCode",
] as const;
