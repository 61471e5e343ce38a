"use server";

import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { requestFormFromFormData, type PostedRequestForm } from "@/lib/requests/types/posted-form";
import { rememberCodeSentTo } from "../../code-sent-to";
import { fileSubmittedRequest, type SubmitRequestState } from "./submission";

/**
 * What a form posted by the browser itself (no JavaScript yet) gets back to render: the outcome
 * and the answers as they were typed, so nothing entered is lost (files cannot be given back).
 */
export type PostedRequestState = null | (Exclude<SubmitRequestState, { ok: true }> & { values: PostedRequestForm });

/**
 * The form posted by the browser itself, before or without JavaScript: one field per input
 * (the form's `action`, through useActionState). Filed → redirected to the code page; refused →
 * the page renders again with the answers and the translated problems. (The form's script posts
 * to POST /api/requests instead: a route handler costs a fraction of a server action.)
 */
export async function submitPostedRequestAction(_previous: PostedRequestState, formData: FormData): Promise<PostedRequestState> {
  const posted = formData.get("locale");
  const locale = isLocale(posted) ? posted : getEnv().DEFAULT_LOCALE;
  const values = requestFormFromFormData(formData);
  const state = await fileSubmittedRequest(locale, values, formData);
  if (state.ok) {
    // Answered by a redirect, which renders the code page anyway: the cookie costs nothing here.
    await rememberCodeSentTo(state.next, state.sentTo);
    redirect(state.next);
  }
  return { ...state, values };
}
