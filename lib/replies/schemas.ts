import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { templateVariablesIn, unknownTemplateVariables } from "./fill-template";
import { cleanString } from "@/lib/validation/clean-input";
import { MAX_FILES_PER_SUBMISSION } from "@/lib/files/upload-limits";
import type { AcceptedUpload } from "@/lib/files/upload-rules";

/**
 * Schemas shared by the reply forms in the browser and the domain functions on the server.
 * Messages are codes ("required", "tooLong:200"), translated next to the field by the form.
 */

export const TEMPLATE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
export const MAX_SUBJECT_LENGTH = 200;
export const MAX_REPLY_LENGTH = 10_000;

const text = (max: number) => cleanString().trim().min(1, "required").max(max, `tooLong:${max}`);
const withoutUnknownVariables = (schema: z.ZodString) => schema.refine((value) => unknownTemplateVariables(value).length === 0, "unknownVariables");

/** A reply template as an admin edits it. Without an id it is a new (key, language) pair. */
export const replyTemplateSchema = z.object({
  id: z.uuid("invalid").optional(),
  key: z.string("required").trim().toLowerCase().min(1, "required").max(64, "tooLong:64").regex(TEMPLATE_KEY_PATTERN, "invalidKey"),
  locale: z.enum(LOCALES, "chooseOne"),
  name: text(200),
  subject: withoutUnknownVariables(text(MAX_SUBJECT_LENGTH)),
  body: withoutUnknownVariables(text(MAX_REPLY_LENGTH)),
});
export type ReplyTemplateInput = z.input<typeof replyTemplateSchema>;

// A reply goes out as written: a {{…}} left in it is a template gap nobody filled in.
const filledIn = (schema: z.ZodString) => schema.refine((value) => templateVariablesIn(value).length === 0, "leftoverVariables");

/** The composer's file field: its id, and the name its files are posted under. */
export const REPLY_ATTACHMENTS_FIELD = "reply-attachments";

/** What an agent types in the reply composer. An empty subject means the standard one. */
export const staffReplyFormSchema = z.object({
  subject: filledIn(cleanString("invalid").trim().max(MAX_SUBJECT_LENGTH, `tooLong:${MAX_SUBJECT_LENGTH}`)).default(""),
  body: filledIn(text(MAX_REPLY_LENGTH)),
});
export type StaffReplyForm = z.input<typeof staffReplyFormSchema>;

/** A reply and the state of the request the composer was loaded with. */
export const staffReplySchema = staffReplyFormSchema.extend({
  requestId: z.uuid("invalid"),
  /** When the composer was loaded (server time). */
  loadedAt: z.coerce.date("invalid"),
  /** The newest inbound or outbound message the composer was loaded with; null when there was none. */
  lastSeenMessageId: z.uuid("invalid").nullable(),
  /** Files e-mailed with the reply: only what readUploads/validateUploads accepted (checked by content). */
  attachments: z
    .array(z.custom<AcceptedUpload>((value) => typeof value === "object" && value !== null && "bytes" in value, "invalid"))
    .max(MAX_FILES_PER_SUBMISSION, `tooMany:${MAX_FILES_PER_SUBMISSION}`)
    .default([]),
});
export type StaffReplyInput = z.input<typeof staffReplySchema>;
