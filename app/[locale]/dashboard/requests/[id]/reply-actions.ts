"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/staff-action";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { AppError } from "@/lib/errors/app-error";
import { REPLY_ATTACHMENTS_FIELD, staffReplyFormSchema } from "@/lib/replies/schemas";
import { sendStaffReply } from "@/lib/replies/send-staff-reply";
import { readUploads, type UploadProblem } from "@/lib/files/upload-rules";

/** A message the composer had not seen, as the browser receives it. */
export type UnseenMessageView = { id: string; direction: "inbound" | "outbound"; authorName: string | null; body: string; createdAt: string };

export type ReplyFieldErrors = Partial<Record<"subject" | "body", string>>;

export type SendReplyState =
  /** `loadedAt` and `messageId` are the composer's new state: it has now seen its own reply. */
  | { ok: true; messageId: string; loadedAt: string }
  /** Nothing was sent; the composer shows `messages` and, having shown them, may send again. */
  | { ok: false; error: "stale"; messages: UnseenMessageView[]; loadedAt: string; lastSeenMessageId: string }
  /** `fileProblems`: the attachments refused by the upload checks (nothing was sent). */
  | { ok: false; error: "invalid"; fieldErrors: ReplyFieldErrors; fileProblems: UploadProblem[] }
  | { ok: false; error: "unauthorized" | "forbidden" | "not_found" | "unexpected" };

export type SendReplyInput = { requestId: string; subject: string; body: string; loadedAt: string; lastSeenMessageId: string | null };

/** The composer's state: the last answer, with the draft as typed when nothing was sent (so it is never lost). */
export type ReplyFormState = null | Extract<SendReplyState, { ok: true }> | (Exclude<SendReplyState, { ok: true }> & { draft: { subject: string; body: string } });

/**
 * The composer's form action: sent by the page's script, or posted by the browser itself before
 * JavaScript runs. What the composer had seen travels in hidden fields.
 */
export async function sendReplyFormAction(_previous: ReplyFormState, formData: FormData): Promise<ReplyFormState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const locale = text("locale");
  const input: SendReplyInput = {
    requestId: text("requestId"),
    subject: text("subject"),
    body: text("body"),
    loadedAt: text("loadedAt"),
    lastSeenMessageId: text("lastSeenMessageId") || null,
  };
  if (!isLocale(locale)) return { ok: false, error: "not_found", draft: { subject: input.subject, body: input.body } };
  const state = await sendReplyAction(locale, input, formData.getAll(REPLY_ATTACHMENTS_FIELD));
  return state.ok ? state : { ...state, draft: { subject: input.subject, body: input.body } };
}

/** The composer's two fields; anything else invalid (a malformed id or state) means the page itself is wrong. */
function replyFieldErrors(fieldErrors: Record<string, string>): ReplyFieldErrors {
  const errors: ReplyFieldErrors = {};
  for (const field of ["subject", "body"] as const) if (fieldErrors[field]) errors[field] = fieldErrors[field];
  return errors;
}

/**
 * Sends the composer's reply (agents and admins; checked here and again by sendStaffReply), with
 * the files posted beside it, checked by content like every upload — read only once the staff
 * member is known.
 */
async function sendReplyAction(locale: Locale, input: SendReplyInput, files: FormDataEntryValue[]): Promise<SendReplyState> {
  const now = new Date();
  const refusal = (error: AppError): Exclude<SendReplyState, { ok: true }> => {
    if (error.code === "stale" && error.messages?.length) {
      return {
        ok: false,
        error: "stale",
        messages: error.messages.map((m) => ({ id: m.id, direction: m.direction, authorName: m.authorName, body: m.body, createdAt: m.createdAt.toISOString() })),
        loadedAt: now.toISOString(),
        lastSeenMessageId: error.messages[error.messages.length - 1]!.id,
      };
    }
    if (error.code === "invalid") {
      const fieldErrors = replyFieldErrors(error.fieldErrors ?? {});
      return Object.keys(fieldErrors).length > 0 ? { ok: false, error: "invalid", fieldErrors, fileProblems: [] } : { ok: false, error: "not_found" };
    }
    if (error.code === "not_repliable" || error.code === "not_found") return { ok: false, error: "not_found" };
    if (error.code === "forbidden") return { ok: false, error: "forbidden" };
    return { ok: false, error: "unexpected" };
  };
  return staffAction({
    name: "sendReply",
    permission: "requests.work",
    schema: staffReplyFormSchema,
    input: { subject: input?.subject, body: input?.body },
    logContext: { requestId: input?.requestId },
    refusal,
    run: async ({ db, staff, input: form }): Promise<SendReplyState> => {
      const uploads = await readUploads(files);
      if (!uploads.ok) return { ok: false, error: "invalid", fieldErrors: {}, fileProblems: uploads.problems };
      const sent = await sendStaffReply(
        db,
        { requestId: input.requestId, subject: form.subject, body: form.body, loadedAt: input.loadedAt, lastSeenMessageId: input.lastSeenMessageId, attachments: uploads.files },
        staff,
        now,
      );
      revalidatePath(`/${locale}/dashboard/requests/${input.requestId}`);
      return { ok: true, messageId: sent.messageId, loadedAt: sent.createdAt.toISOString() };
    },
  });
}
