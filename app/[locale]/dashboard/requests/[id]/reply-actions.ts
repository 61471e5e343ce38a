"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { checkStaff } from "@/lib/auth/current-staff";
import type { Locale } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { ReplyNotAllowedError, ReplyRequestNotFoundError, RequestNotRepliableError, StaleReplyError } from "@/lib/replies/errors";
import { staffReplyFormSchema } from "@/lib/replies/schemas";
import { sendStaffReply } from "@/lib/replies/send-staff-reply";
import { readyDb } from "@/lib/startup/ensure-app-ready";

/** A message the composer had not seen, as the browser receives it. */
export type UnseenMessageView = { id: string; direction: "inbound" | "outbound"; authorName: string | null; body: string; createdAt: string };

export type ReplyFieldErrors = Partial<Record<"subject" | "body", string>>;

export type SendReplyState =
  /** `loadedAt` and `messageId` are the composer's new state: it has now seen its own reply. */
  | { ok: true; messageId: string; loadedAt: string }
  /** Nothing was sent; the composer shows `messages` and, having shown them, may send again. */
  | { ok: false; error: "stale"; messages: UnseenMessageView[]; loadedAt: string; lastSeenMessageId: string }
  | { ok: false; error: "invalid"; fieldErrors: ReplyFieldErrors }
  | { ok: false; error: "unauthorized" | "forbidden" | "not_found" | "unexpected" };

export type SendReplyInput = { requestId: string; subject: string; body: string; loadedAt: string; lastSeenMessageId: string | null };

function fieldErrorsOf(error: ZodError): ReplyFieldErrors {
  const errors: ReplyFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if ((field === "subject" || field === "body") && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Sends the composer's reply (agents and admins; checked here and again by sendStaffReply). */
export async function sendReplyAction(locale: Locale, input: SendReplyInput): Promise<SendReplyState> {
  const check = await checkStaff(["agent", "admin"]);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  const form = staffReplyFormSchema.safeParse({ subject: input?.subject, body: input?.body });
  if (!form.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(form.error) };

  const now = new Date();
  try {
    const sent = await sendStaffReply(
      await readyDb(),
      { requestId: input.requestId, subject: form.data.subject, body: form.data.body, loadedAt: input.loadedAt, lastSeenMessageId: input.lastSeenMessageId },
      check.staff,
      now,
    );
    revalidatePath(`/${locale}/dashboard/requests/${input.requestId}`);
    return { ok: true, messageId: sent.messageId, loadedAt: sent.createdAt.toISOString() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof StaleReplyError) {
      return {
        ok: false,
        error: "stale",
        messages: error.messages.map((m) => ({ id: m.id, direction: m.direction, authorName: m.authorName, body: m.body, createdAt: m.createdAt.toISOString() })),
        loadedAt: now.toISOString(),
        lastSeenMessageId: error.messages[error.messages.length - 1]!.id,
      };
    }
    if (error instanceof ReplyNotAllowedError) return { ok: false, error: "forbidden" };
    if (error instanceof ReplyRequestNotFoundError || error instanceof RequestNotRepliableError) return { ok: false, error: "not_found" };
    if (error instanceof ZodError) {
      const fieldErrors = fieldErrorsOf(error);
      // Anything but the two fields (a malformed id or state) means the page itself is wrong.
      return Object.keys(fieldErrors).length > 0 ? { ok: false, error: "invalid", fieldErrors } : { ok: false, error: "not_found" };
    }
    log.error(`action sendReply failed: ${errorMessage(error)}`, {
      requestId: input.requestId,
      staffId: check.staff.id,
      stack: error instanceof Error ? error.stack?.split("\n").slice(0, 4).join(" | ") : undefined,
    });
    return { ok: false, error: "unexpected" };
  }
}
