import { z } from "zod";
import type { DenialReason } from "@/db/schema/requests";
import { cleanString } from "@/lib/validation/clean-input";

/**
 * The staff action schemas, shared by the dashboard's forms (react-hook-form) and the domain
 * functions. Only zod here (no database imports), so client components can use them. Messages
 * are codes ("required", "tooLong:5000") that the form translates next to the field.
 */

/** DENIAL_REASONS from the schema, repeated here so the browser bundle needs no drizzle; a test keeps them equal. */
export const DENIAL_REASON_CODES = [
  "suspected_fraud",
  "insufficient_verification",
  "no_match",
  "not_covered",
  "outside_jurisdiction",
  "manifestly_unfounded",
  "other",
] as const satisfies readonly DenialReason[];

const text = (max: number) => cleanString().trim().min(1, "required").max(max, `tooLong:${max}`);
const requestId = z.uuid("invalid");

export const MESSAGE_MAX = 10_000;
export const NOTE_MAX = 5_000;
export const REASON_MAX = 2_000;

export const requestRefSchema = z.object({ requestId });

export const assignRequestSchema = z.object({
  requestId,
  /** null takes the request off anyone's desk. */
  assigneeId: z.uuid("chooseOne").nullable(),
});

export const askRequesterSchema = z.object({ requestId, message: text(MESSAGE_MAX) });

export const extendDeadlineSchema = z.object({
  requestId,
  reason: text(REASON_MAX),
  /** In the rule's extension unit; omitted means the rule's whole extension. */
  amount: z.number("invalid").int("invalid").positive("invalid").optional(),
});

export const denyRequestSchema = z.object({
  requestId,
  reason: z.enum(DENIAL_REASON_CODES, "chooseOne"),
  note: text(NOTE_MAX),
});

export const completeRequestSchema = z.object({
  requestId,
  /** Required for correction, deletion and credential misuse (what was done); optional for access. */
  note: cleanString("invalid").trim().max(NOTE_MAX, `tooLong:${NOTE_MAX}`).default(""),
});

export const internalNoteSchema = z.object({ requestId, body: text(NOTE_MAX) });

/** The form parts (without requestId, which the page supplies). */
export const askRequesterFormSchema = askRequesterSchema.omit({ requestId: true });
export const extendDeadlineFormSchema = extendDeadlineSchema.omit({ requestId: true, amount: true });
export const denyRequestFormSchema = denyRequestSchema.omit({ requestId: true });
export const completeRequestFormSchema = completeRequestSchema.omit({ requestId: true });
export const internalNoteFormSchema = internalNoteSchema.omit({ requestId: true });
