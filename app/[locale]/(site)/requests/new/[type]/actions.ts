"use server";

import { redirect } from "next/navigation";
import { calledFromScript } from "@/lib/actions/called-from-script";
import { runPublicAction } from "@/lib/actions/public-action";
import { readUploads, type AcceptedUpload, type UploadProblem } from "@/lib/files/upload-rules";
import { fileRequest } from "@/lib/requests/file-request";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { requestFormSchema } from "@/lib/requests/types";
import { requestFormFromFormData, type PostedRequestForm } from "@/lib/requests/types/posted-form";
import { HONEYPOT_FIELD } from "@/lib/validation/request-forms";
import { maskEmail } from "@/lib/security/mask-email";
import { rememberCodeSentTo, verifyPath } from "../../code-sent-to";

export type FileField = "proofOfAuthority" | "supportingDocuments";

export type SubmitRequestState =
  /**
   * Filed: the script keeps `sentTo` (the masked address) for the code page and navigates to `next`
   * (a form posted without JavaScript is redirected there, the masked address in a cookie).
   */
  | { ok: true; next: string; sentTo: string }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; fileProblems: { field: FileField; problems: UploadProblem[] }[] }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number }
  | { ok: false; error: "unexpected" };

/**
 * What a form posted by the browser itself (no JavaScript yet) gets back to render: the outcome
 * and the answers as they were typed, so nothing entered is lost (files cannot be given back).
 */
export type PostedRequestState = null | (Exclude<SubmitRequestState, { ok: true }> & { values: PostedRequestForm });

/**
 * The intake form's script posts its answers as JSON (field "payload") plus the files. Everything
 * is validated again here with the same schema the browser used.
 */
export async function submitRequestAction(locale: Locale, formData: FormData): Promise<SubmitRequestState> {
  let payload: unknown = null;
  try {
    payload = JSON.parse(String(formData.get("payload") ?? "null"));
  } catch {
    payload = null;
  }
  const state = await fileSubmittedRequest(locale, payload, formData);
  // No cookie for a script: setting one would make Next render this page into the answer (~24 KB).
  if (!state.ok || (await calledFromScript())) return state;
  await rememberCodeSentTo(state.next, state.sentTo);
  redirect(state.next);
}

/**
 * The same form posted by the browser itself, before or without JavaScript: one field per input
 * (the form's `action`, through useActionState). Filed → redirected to the code page; refused →
 * the page renders again with the answers and the translated problems.
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

async function fileSubmittedRequest(locale: Locale, payload: unknown, formData: FormData): Promise<SubmitRequestState> {
  let email = "";
  const outcome = await runPublicAction("submitRequest", async ({ db, ip }) => {
    const parsed = requestFormSchema.safeParse(payload);
    const fieldErrors: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    }
    const fileProblems: { field: FileField; problems: UploadProblem[] }[] = [];
    const accepted: Record<FileField, AcceptedUpload[]> = { proofOfAuthority: [], supportingDocuments: [] };
    for (const field of ["proofOfAuthority", "supportingDocuments"] as const) {
      const result = await readUploads(formData.getAll(field));
      if (result.ok) accepted[field] = result.files;
      else fileProblems.push({ field, problems: result.problems });
    }
    if (parsed.success && parsed.data.onBehalf && accepted.proofOfAuthority.length === 0 && !fileProblems.some((p) => p.field === "proofOfAuthority")) {
      fieldErrors.proofOfAuthority = "fileRequired";
    }
    if (!parsed.success || fileProblems.length > 0 || Object.keys(fieldErrors).length > 0) {
      return { ok: false as const, error: "invalid" as const, fieldErrors, fileProblems };
    }
    email = parsed.data.email;
    const result = await fileRequest(db, {
      form: parsed.data,
      locale,
      ip,
      proofOfAuthority: parsed.data.onBehalf ? accepted.proofOfAuthority : [],
      supportingDocuments: accepted.supportingDocuments,
      honeypot: String(formData.get(HONEYPOT_FIELD) ?? ""),
    });
    return result;
  });
  if (!outcome.ok) return outcome;
  return { ok: true, next: verifyPath(locale, outcome.requestId), sentTo: maskEmail(email) };
}
