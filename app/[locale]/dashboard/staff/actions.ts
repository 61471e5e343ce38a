"use server";

import { revalidatePath } from "next/cache";
import type { Db } from "@/db/client";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { staffAction, type StaffActionFailure } from "@/lib/auth/staff-action";
import { changeStaffRole } from "@/lib/auth/staff-admin/change-staff-role";
import { inviteStaff } from "@/lib/auth/staff-admin/invite-staff";
import { setStaffDisabled } from "@/lib/auth/staff-admin/set-staff-disabled";
import type { InviteStaffInput } from "@/lib/auth/staff-admin-schemas";
import { clearStaffSignInDelays, resetStaffTwoFactor } from "@/lib/auth/staff-sign-in-admin";

const PAGE = "/[locale]/dashboard/staff";

export type InviteActionResult = { ok: true; email: string; reinvited: boolean } | StaffActionFailure;
export type StaffRowActionResult = { ok: true } | StaffActionFailure;

// What the browser sends is untrusted: each domain function validates it with its zod schema.

export async function inviteStaffAction(values: InviteStaffInput): Promise<InviteActionResult> {
  return staffAction({
    name: "inviteStaff",
    permission: "staff.manage",
    run: async ({ db, staff }) => {
      const result = await inviteStaff(db, values, staff);
      revalidatePath(PAGE, "page");
      return { ok: true as const, email: result.staff.email, reinvited: result.reinvited };
    },
  });
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
