"use server";

import { MIN_PASSWORD_LENGTH } from "@/lib/auth/create-staff";
import { runStaffAction, type StaffActionFailure } from "@/lib/auth/run-staff-action";
import { changeOwnPassword } from "@/lib/auth/staff-admin";
import { changePasswordFormSchema, type ChangePasswordFormValues } from "@/lib/auth/staff-admin-schemas";

export type ChangePasswordActionResult = { ok: true } | StaffActionFailure;

/** Any signed-in staff member. On success every session of theirs has ended: the page asks them to sign in again. */
export async function changeOwnPasswordAction(values: ChangePasswordFormValues): Promise<ChangePasswordActionResult> {
  return runStaffAction("changeOwnPassword", undefined, async ({ db, staff }) => {
    // The form's schema (with the repeated password) first, then the domain function's own checks.
    const form = changePasswordFormSchema(MIN_PASSWORD_LENGTH).parse(values);
    await changeOwnPassword(db, { currentPassword: form.currentPassword, newPassword: form.newPassword }, staff);
    return { ok: true as const };
  });
}
