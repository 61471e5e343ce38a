"use server";

import { redirect } from "next/navigation";
import { calledFromScript } from "@/lib/actions/called-from-script";
import { runPublicAction } from "@/lib/actions/public-action";
import type { Locale } from "@/lib/i18n/locales";
import { readUploads, type AcceptedUpload, type UploadProblem } from "@/lib/files/upload-rules";
import { fileRequest } from "@/lib/requests/file-request";
import { requestFormSchema } from "@/lib/requests/types";
import { HONEYPOT_FIELD } from "@/lib/validation/request-forms";
import { rememberCodeSentTo } from "../../code-sent-to";

export type FileField = "proofOfAuthority" | "supportingDocuments";

export type SubmitRequestState =
  /** Filed: the script navigates to `next`, the code page (a form posted without JavaScript is redirected there). */
  | { ok: true; next: string }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; fileProblems: { field: FileField; problems: UploadProblem[] }[] }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number }
  | { ok: false; error: "unexpected" };

/**
 * The intake form posts its answers as JSON (field "payload") plus the files. Everything is
 * validated again here with the same schema the browser used.
 */
export async function submitRequestAction(locale: Locale, formData: FormData): Promise<SubmitRequestState> {
  let email = "";
  const outcome = await runPublicAction("submitRequest", async ({ db, ip }) => {
    let payload: unknown = null;
    try {
      payload = JSON.parse(String(formData.get("payload") ?? "null"));
    } catch {
      payload = null;
    }
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
  await rememberCodeSentTo(locale, outcome.requestId, email);
  const next = `/${locale}/requests/${outcome.requestId}/verify`;
  if (await calledFromScript()) return { ok: true, next };
  redirect(next);
}
