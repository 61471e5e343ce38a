"use server";

import { revalidatePath } from "next/cache";
import { runPublicAction } from "@/lib/actions/public-action";
import type { Locale } from "@/lib/i18n/locales";
import { readUploads, type UploadProblem } from "@/lib/files/upload-rules";
import { postRequesterMessage, type PostMessageResult } from "@/lib/requests/post-requester-message";
import { withdrawRequest, type WithdrawResult } from "@/lib/requests/withdraw-request";
import { requesterMessageSchema } from "@/lib/validation/request-forms";

export type ReplyState =
  | PostMessageResult
  | { ok: false; error: "unexpected" }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; fileProblems: UploadProblem[] };

export async function postReplyAction(locale: Locale, token: string, formData: FormData): Promise<ReplyState> {
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
  if (result.ok) revalidatePath(`/${locale}/r/${token}`);
  return result;
}

export async function withdrawAction(locale: Locale, token: string): Promise<WithdrawResult | { ok: false; error: "unexpected" }> {
  const result = await runPublicAction("withdraw", ({ db }) => withdrawRequest(db, { token }));
  if (result.ok) revalidatePath(`/${locale}/r/${token}`);
  return result;
}
