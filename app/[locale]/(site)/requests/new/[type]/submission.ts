import { runPublicAction } from "@/lib/actions/public-action";
import { readUploads, type AcceptedUpload, type UploadProblem } from "@/lib/files/upload-rules";
import { fileRequest } from "@/lib/requests/file-request";
import type { Locale } from "@/lib/i18n/locales";
import { requestFormSchema } from "@/lib/requests/types";
import { HONEYPOT_FIELD } from "@/lib/validation/request-forms";
import { maskEmail } from "@/lib/security/mask-email";
import { verifyPath } from "../../code-sent-to";

// The request form's submission, shared by its two ways in: the form's script posting to
// POST /api/requests (app/api/requests/route.ts), and the form posted by the browser itself
// before or without JavaScript (the server action in actions.ts).

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

/** Checks the answers (`payload`) and files (in `formData`) with the same schema the browser used, and files the request. */
export async function fileSubmittedRequest(locale: Locale, payload: unknown, formData: FormData): Promise<SubmitRequestState> {
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
