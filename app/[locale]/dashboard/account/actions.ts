"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getStaffSession } from "@/lib/auth/current-staff";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/create-staff";
import { staffAction, type StaffActionFailure } from "@/lib/auth/staff-action";
import { changeOwnPassword } from "@/lib/auth/staff-admin/change-own-password";
import { changePasswordFormSchema, type ChangePasswordFormValues } from "@/lib/auth/staff-admin-schemas";
import { revokeAllStaffSessions } from "@/lib/auth/staff-sessions";
import { getEnv } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { readyDb } from "@/db/ready";

export type ChangePasswordActionResult = { ok: true } | StaffActionFailure;

/**
 * Any signed-in staff member. On success every session of theirs has ended: the page asks them to
 * sign in again. The form posts here by itself before JavaScript runs; passwords are never sent back.
 */
export async function changeOwnPasswordAction(_previous: ChangePasswordActionResult | null, formData: FormData): Promise<ChangePasswordActionResult> {
  const values: ChangePasswordFormValues = {
    currentPassword: String(formData.get("currentPassword") ?? ""),
    newPassword: String(formData.get("newPassword") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
  return staffAction({
    name: "changeOwnPassword",
    permission: "signed_in",
    // The form's schema (with the repeated password) first, then the domain function's own checks.
    schema: changePasswordFormSchema(MIN_PASSWORD_LENGTH),
    input: values,
    run: async ({ db, staff, input: form }) => {
      await changeOwnPassword(db, { currentPassword: form.currentPassword, newPassword: form.newPassword }, staff);
      return { ok: true as const };
    },
  });
}

/**
 * "Sign out everywhere": ends every session of the staff member, this one included, and sends
 * them to the sign-in page. A plain form post (works without JavaScript).
 */
export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  const locale = LOCALES.find((candidate) => candidate === formData.get("locale")) ?? getEnv().DEFAULT_LOCALE;
  const current = await getStaffSession();
  if (current) await revokeAllStaffSessions(await readyDb(), current.staff.id);
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) if (jar.get(name)) jar.delete(name);
  redirect(`/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/dashboard/account`)}`);
}
