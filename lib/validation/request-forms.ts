import { z } from "zod";
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
