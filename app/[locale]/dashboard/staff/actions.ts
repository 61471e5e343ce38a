"use server";

import { revalidatePath } from "next/cache";
import { runStaffAction, type StaffActionFailure } from "@/lib/auth/run-staff-action";
import { changeStaffRole, inviteStaff, setStaffDisabled } from "@/lib/auth/staff-admin";
import type { InviteStaffInput } from "@/lib/auth/staff-admin-schemas";
import { clearStaffSignInDelays, resetStaffTwoFactor } from "@/lib/auth/staff-sign-in-admin";

const PAGE = "/[locale]/dashboard/staff";

export type InviteActionResult = { ok: true; email: string; reinvited: boolean } | StaffActionFailure;
export type StaffRowActionResult = { ok: true } | StaffActionFailure;

// What the browser sends is untrusted: each domain function validates it with its zod schema.

export async function inviteStaffAction(values: InviteStaffInput): Promise<InviteActionResult> {
  return runStaffAction("inviteStaff", ["admin"], async ({ db, staff }) => {
    const result = await inviteStaff(db, values, staff);
    revalidatePath(PAGE, "page");
    return { ok: true as const, email: result.staff.email, reinvited: result.reinvited };
  });
}

export async function changeStaffRoleAction(values: { staffId: string; role: string }): Promise<StaffRowActionResult> {
  return runStaffAction("changeStaffRole", ["admin"], async ({ db, staff }) => {
    await changeStaffRole(db, values as Parameters<typeof changeStaffRole>[1], staff);
    revalidatePath(PAGE, "page");
    return { ok: true as const };
  });
}

export async function setStaffDisabledAction(values: { staffId: string; disabled: boolean }): Promise<StaffRowActionResult> {
  return runStaffAction("setStaffDisabled", ["admin"], async ({ db, staff }) => {
    await setStaffDisabled(db, values, staff);
    revalidatePath(PAGE, "page");
    return { ok: true as const };
  });
}

export async function resetStaffTwoFactorAction(values: { staffId: string }): Promise<StaffRowActionResult> {
  return runStaffAction("resetStaffTwoFactor", ["admin"], async ({ db, staff }) => {
    await resetStaffTwoFactor(db, values, staff);
    revalidatePath(PAGE, "page");
    return { ok: true as const };
  });
}

export async function clearStaffSignInDelaysAction(values: { staffId: string }): Promise<StaffRowActionResult> {
  return runStaffAction("clearStaffSignInDelays", ["admin"], async ({ db, staff }) => {
    await clearStaffSignInDelays(db, values, staff);
    return { ok: true as const };
  });
}
