import { z } from "zod";
import type { StaffRole } from "@/db/schema/staff";
import { LOCALES } from "@/lib/i18n/locales";
import { cleanName } from "@/lib/validation/clean-input";

/**
 * The staff-administration schemas, shared by react-hook-form in the browser and the domain
 * functions (lib/auth/staff-admin.ts). This file stays free of server-only imports (argon2, the
 * database), so the password rules take the minimum length as an argument: the server passes
 * MIN_PASSWORD_LENGTH from create-staff.ts, the pages hand the same number to their forms.
 * Messages are codes ("required", "tooShort:12"); the forms translate them next to the field.
 */

/** The roles in the order the forms offer them (the same values as STAFF_ROLES in db/schema/staff.ts). */
export const STAFF_ROLE_CHOICES = ["agent", "compliance", "admin"] as const satisfies readonly StaffRole[];
// Fails to compile if a role is added to the schema but not here.
type MissingRole = Exclude<StaffRole, (typeof STAFF_ROLE_CHOICES)[number]>;
export const ALL_ROLES_OFFERED: MissingRole extends never ? true : never = true;

export const MAX_PASSWORD_LENGTH = 200;

export const inviteStaffSchema = z.object({
  email: z.string("required").trim().toLowerCase().min(1, "required").max(254, "tooLong:254").pipe(z.email("invalidEmail")),
  name: cleanName().trim().min(1, "required").max(200, "tooLong:200"),
  role: z.enum(STAFF_ROLE_CHOICES, "chooseOne"),
  locale: z.enum(LOCALES, "chooseOne"),
});
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;

export function newPasswordSchema(minLength: number) {
  return z.string("required").min(1, "required").min(minLength, `tooShort:${minLength}`).max(MAX_PASSWORD_LENGTH, `tooLong:${MAX_PASSWORD_LENGTH}`);
}

/** The set-password form behind an invitation link: the password twice. */
export function acceptInviteFormSchema(minLength: number) {
  return z
    .object({ password: newPasswordSchema(minLength), confirmPassword: z.string("required").min(1, "required") })
    .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });
}
export type AcceptInviteFormValues = z.input<ReturnType<typeof acceptInviteFormSchema>>;

/** The account page's form: the current password, then the new one twice. */
export function changePasswordFormSchema(minLength: number) {
  return z
    .object({
      currentPassword: z.string("required").min(1, "required").max(MAX_PASSWORD_LENGTH, `tooLong:${MAX_PASSWORD_LENGTH}`),
      newPassword: newPasswordSchema(minLength),
      confirmPassword: z.string("required").min(1, "required"),
    })
    .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" });
}
export type ChangePasswordFormValues = z.input<ReturnType<typeof changePasswordFormSchema>>;

export const changeStaffRoleSchema = z.object({
  staffId: z.uuid("invalid"),
  role: z.enum(STAFF_ROLE_CHOICES, "chooseOne"),
});

export const setStaffDisabledSchema = z.object({
  staffId: z.uuid("invalid"),
  disabled: z.boolean("invalid"),
});
