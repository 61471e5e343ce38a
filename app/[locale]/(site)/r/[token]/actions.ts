"use server";

import { revalidatePath } from "next/cache";
import { runPublicAction } from "@/lib/actions/public-action";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { readUploads, type UploadProblem } from "@/lib/files/upload-rules";
import { postRequesterMessage, type PostMessageResult } from "@/lib/requests/post-requester-message";
import { withdrawRequest, type WithdrawResult } from "@/lib/requests/withdraw-request";
import { requesterMessageSchema } from "@/lib/validation/request-forms";

/** Not sent: the answer, with the message as typed so a page rendered after a post keeps it. */
export type ReplyState =
  | (Exclude<PostMessageResult, { ok: true }> & { body?: string })
  | { ok: true }
  | { ok: false; error: "unexpected"; body?: string }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; fileProblems: UploadProblem[]; body?: string };

/** Where a form posted without JavaScript belongs: its link token and page language, from hidden fields. */
function postedPage(formData: FormData): { token: string; locale: Locale } {
  const locale = formData.get("locale");
  return { token: String(formData.get("token") ?? ""), locale: isLocale(locale) ? locale : getEnv().DEFAULT_LOCALE };
}

/**
 * A requester's message on the status page: sent by the page's script (the files it holds), or
 * posted by the browser itself before JavaScript runs (the form's own fields and file input).
 */
export async function postReplyAction(_previous: ReplyState | null, formData: FormData): Promise<ReplyState> {
  const { token, locale } = postedPage(formData);
  const result = await runPublicAction("postReply", async ({ db, ip }) => {
    const parsed = requesterMessageSchema.safeParse({ body: formData.get("body") });
    const uploads = await readUploads(formData.getAll("attachments"));
    if (!parsed.success || !uploads.ok) {
      return {
        ok: false as const,
        error: "invalid" as const,
        fieldErrors: (parsed.success ? {} : { body: parsed.error.issues[0]?.message ?? "invalid" }) as Record<string, string>,
        fileProblems: uploads.ok ? [] : uploads.problems,
      };
    }
    return postRequesterMessage(db, { token, body: parsed.data.body, attachments: uploads.files, ip });
  });
  if (result.ok) {
    revalidatePath(`/${locale}/r/${token}`);
    return result;
  }
  const body = formData.get("body");
  return { ...result, body: typeof body === "string" ? body : undefined };
}

export type WithdrawState = null | WithdrawResult | { ok: false; error: "unexpected" | "not_confirmed" };

/** Withdrawing needs the box ticked, checked here too: a form posted without JavaScript skips the script's check. */
export async function withdrawAction(_previous: WithdrawState, formData: FormData): Promise<WithdrawState> {
  const { token, locale } = postedPage(formData);
  if (formData.get("confirm") !== "on") return { ok: false, error: "not_confirmed" };
  const result = await runPublicAction("withdraw", ({ db }) => withdrawRequest(db, { token }));
  if (result.ok) revalidatePath(`/${locale}/r/${token}`);
  return result;
}
