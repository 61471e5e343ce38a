import { z } from "zod";
import { isOneOf } from "@/lib/text/is-one-of";
import { cleanString } from "./clean-input";

/**
 * The requester's small forms (code, lost link, message), shared by the browser and the server.
 * Messages are codes ("required", "tooLong:200"); the form translates them next to the field.
 * The request forms themselves are each type's (lib/requests/types).
 */

/** The honeypot: a field people never see; bots fill it in. */
export const HONEYPOT_FIELD = "website";

export const verificationCodeSchema = z.object({
  code: z
    .string("invalidCode")
    .trim()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "invalidCode")),
});

export const findRequestsSchema = z.object({
  email: z.string("required").trim().min(1, "required").max(254, "tooLong:254").pipe(z.email("invalidEmail")),
});

export const requesterMessageSchema = z.object({
  body: cleanString().trim().min(1, "required").max(10_000, "tooLong:10000"),
});

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
