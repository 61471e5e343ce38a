"use server";

import { runPublicAction } from "@/lib/actions/public-action";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/create-staff";
import { acceptInvite } from "@/lib/auth/staff-admin/accept-invite";
import { isAppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { acceptInviteFormSchema, type AcceptInviteFormValues } from "@/lib/auth/staff-admin-schemas";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";

export type AcceptInviteActionResult =
  | { ok: true }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; error: "invalid_or_expired" | "unexpected" }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

/**
 * Public: whoever holds the invitation link sets the password, once. The form posts here by
 * itself before JavaScript runs, and through its script after; passwords are never sent back.
 */
export async function acceptInviteAction(_previous: AcceptInviteActionResult | null, formData: FormData): Promise<AcceptInviteActionResult> {
  const token = String(formData.get("token") ?? "");
  const values: AcceptInviteFormValues = { password: String(formData.get("password") ?? ""), confirmPassword: String(formData.get("confirmPassword") ?? "") };
  return runPublicAction("acceptInvite", async ({ db, ip }) => {
    const limited = await hitRateLimits(db, publicActionLimits("staff-invite", { ip }));
    if (!limited.allowed) return { ok: false as const, error: "rate_limited" as const, retryAfterMinutes: limited.retryAfterMinutes };
    const parsed = acceptInviteFormSchema(MIN_PASSWORD_LENGTH).safeParse(values);
    if (!parsed.success) return { ok: false as const, error: "invalid" as const, fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      await acceptInvite(db, { token, password: parsed.data.password });
      return { ok: true as const };
    } catch (error) {
      if (isAppError(error)) return { ok: false as const, error: "invalid_or_expired" as const };
      throw error;
    }
  });
}
