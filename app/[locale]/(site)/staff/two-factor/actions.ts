"use server";

import { getStaffSession } from "@/lib/auth/current-staff";
import { retryAfterMinutes } from "@/lib/auth/sign-in-throttle";
import { activateStaffSession } from "@/lib/auth/staff-sessions";
import { confirmTwoFactorEnrolment } from "@/lib/auth/two-factor";
import { readyDb } from "@/db/ready";

export type ConfirmEnrolmentActionResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: "unauthorized" | "invalid" | "delayed"; minutes?: number };

/** Confirms two-factor enrolment with the first code; the session that was limited to enrolling becomes a full one. */
export async function confirmEnrolmentAction(code: unknown): Promise<ConfirmEnrolmentActionResult> {
  const current = await getStaffSession();
  if (!current) return { ok: false, error: "unauthorized" };
  const db = await readyDb();
  const result = await confirmTwoFactorEnrolment(db, current.staff.id, typeof code === "string" ? code.slice(0, 20) : "");
  if (!result.ok) return result.error === "delayed" ? { ok: false, error: "delayed", minutes: retryAfterMinutes(result.retryAfterSeconds) } : { ok: false, error: "invalid" };
  await activateStaffSession(db, current.session.id);
  return { ok: true, recoveryCodes: result.recoveryCodes };
}
