"use server";

import { revalidatePath } from "next/cache";
import type { Db } from "@/db/client";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { staffAction, type StaffActionFailure } from "@/lib/auth/staff-action";
import { changeStaffRole } from "@/lib/auth/staff-admin/change-staff-role";
import { inviteStaff } from "@/lib/auth/staff-admin/invite-staff";
import { setStaffDisabled } from "@/lib/auth/staff-admin/set-staff-disabled";
import { inviteStaffSchema } from "@/lib/auth/staff-admin-schemas";
import { clearStaffSignInDelays, resetStaffTwoFactor } from "@/lib/auth/staff-sign-in-admin";

const PAGE = "/[locale]/dashboard/staff";

export type InviteActionResult = { ok: true; email: string; reinvited: boolean } | StaffActionFailure;
export type StaffRowActionResult = { ok: true } | StaffActionFailure;

// What the browser sends is untrusted: each domain function validates it with its zod schema.

/** The typed fields of an invitation, sent back when it is refused so nothing is lost. */
export type InviteFormValues = { name: string; email: string; role: string; locale: string };
export type InviteFormState = null | Extract<InviteActionResult, { ok: true }> | (StaffActionFailure & { values: InviteFormValues });

/**
 * The invite form's action: sent by the page's script, or posted by the browser itself before
 * JavaScript runs (the new colleague's address never goes into a URL).
 */
export async function inviteStaffAction(_previous: InviteFormState, formData: FormData): Promise<InviteFormState> {
  const values: InviteFormValues = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    role: String(formData.get("role") ?? ""),
    locale: String(formData.get("locale") ?? ""),
  };
  const result = await staffAction({
    name: "inviteStaff",
    permission: "staff.manage",
    schema: inviteStaffSchema,
    input: values,
    run: async ({ db, staff, input }) => {
      const invited = await inviteStaff(db, input, staff);
      revalidatePath(PAGE, "page");
      return { ok: true as const, email: invited.staff.email, reinvited: invited.reinvited };
    },
  });
  return result.ok ? result : { ...result, values };
}

/** A change to one staff row; the staff page is rendered anew unless nothing on it changes. */
async function staffRowAction(name: string, change: (context: { db: Db; staff: CurrentStaff }) => Promise<unknown>, revalidate = true): Promise<StaffRowActionResult> {
  return staffAction({
    name,
    permission: "staff.manage",
    run: async (context) => {
      await change(context);
      if (revalidate) revalidatePath(PAGE, "page");
      return { ok: true as const };
    },
  });
}

export async function changeStaffRoleAction(values: { staffId: string; role: string }): Promise<StaffRowActionResult> {
  return staffRowAction("changeStaffRole", ({ db, staff }) => changeStaffRole(db, values, staff));
}

export async function setStaffDisabledAction(values: { staffId: string; disabled: boolean }): Promise<StaffRowActionResult> {
  return staffRowAction("setStaffDisabled", ({ db, staff }) => setStaffDisabled(db, values, staff));
}

export async function resetStaffTwoFactorAction(values: { staffId: string }): Promise<StaffRowActionResult> {
  return staffRowAction("resetStaffTwoFactor", ({ db, staff }) => resetStaffTwoFactor(db, values, staff));
}

export async function clearStaffSignInDelaysAction(values: { staffId: string }): Promise<StaffRowActionResult> {
  // The delays are not shown on the page: nothing to render again.
  return staffRowAction("clearStaffSignInDelays", ({ db, staff }) => clearStaffSignInDelays(db, values, staff), false);
}
