import { z } from "zod";
import { cleanString } from "./clean-input";

/**
 * The requester's small forms (code, lost link, message), shared by the browser and the server.
 * Messages are codes ("required", "tooLong:200"); the form translates them next to the field.
 * The request forms themselves are each type's (lib/requests/types).
 */

export { HONEYPOT_FIELD } from "./honeypot";
export { INTAKE_FIELD_ERRORS, parseErrorCode, readFieldError } from "./field-error-codes";

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


