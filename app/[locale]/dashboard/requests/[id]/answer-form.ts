import { redirect } from "next/navigation";
import type { StaffActionFailure } from "@/lib/auth/staff-action";
import type { UploadProblem } from "@/lib/files/upload-rules";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { MenuAction } from "@/lib/requests/staff/offered-actions";
import { isUuid } from "@/lib/text/uuid";

/** What a staff action on the request page answers. */
export type StaffActionResult = { ok: true } | StaffActionFailure | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; fileProblems: UploadProblem[] };

/**
 * An action form's answer: nothing yet, done (the form's dialog closes), or refused with what was
 * typed, so the form comes back filled in — also when the browser posted it without JavaScript.
 */
export type ActionFormState = null | { ok: true } | (Exclude<StaffActionResult, { ok: true }> & { values: Record<string, string> });

/**
 * Runs an action form posted by the page's script or by the browser itself. The form names its
 * request and the page's language in hidden fields (checked here and again by the domain
 * function). Done on the action's own page (`after=page`): back to the request page, which shows
 * the new state and says what was done; done in a dialog: `{ ok: true }`.
 */
export async function answerForm(
  formData: FormData,
  /** The page's action; null for a form that has no page of its own. */
  done: MenuAction | null,
  fields: readonly string[],
  run: (locale: Locale, requestId: string, values: Record<string, string>) => Promise<StaffActionResult>,
): Promise<ActionFormState> {
  const values = Object.fromEntries(fields.map((field) => [field, posted(formData, field)]));
  const locale = posted(formData, "locale");
  const requestId = posted(formData, "requestId");
  if (!isLocale(locale) || !isUuid(requestId)) return { ok: false, error: "not_found", values };
  const result = await run(locale, requestId, values);
  if (!result.ok) return { ...result, values };
  if (done && posted(formData, "after") === "page") redirect(`/${locale}/dashboard/requests/${requestId}?done=${done}`);
  return { ok: true };
}

/** A posted text field ("" when missing or a file). */
export function posted(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
