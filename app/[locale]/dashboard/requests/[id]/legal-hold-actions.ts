"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { checkStaff } from "@/lib/auth/current-staff";
import { fieldErrorsOf } from "@/lib/auth/run-staff-action";
import { COMPLIANCE_ROLES } from "@/lib/compliance/roles";
import type { Locale } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { RetentionError, type RetentionErrorCode } from "@/lib/retention/errors";
import { setLegalHold } from "@/lib/retention/set-legal-hold";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type LegalHoldActionResult =
  | { ok: true }
  | { ok: false; error: "unauthorized" | "forbidden" | "unexpected" | RetentionErrorCode }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> };

/** Compliance officers and admins (checked here, and again by setLegalHold); refusals come back as codes. */
async function runLegalHold(locale: Locale, requestId: string, input: { hold: boolean; reason: string }): Promise<LegalHoldActionResult> {
  const check = await checkStaff(COMPLIANCE_ROLES);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  try {
    await setLegalHold(await readyDb(), { requestId, hold: input.hold, reason: input.reason }, check.staff);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ZodError) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(error) };
    if (error instanceof RetentionError) return { ok: false, error: error.code };
    log.error(`action setLegalHold failed: ${errorMessage(error)}`, { requestId, staffId: check.staff.id });
    return { ok: false, error: "unexpected" };
  }
  revalidatePath(`/${locale}/dashboard/requests/${requestId}`);
  revalidatePath(`/${locale}/dashboard/retention`);
  return { ok: true };
}

export async function placeLegalHoldAction(locale: Locale, requestId: string, input: { reason: string }): Promise<LegalHoldActionResult> {
  return runLegalHold(locale, requestId, { hold: true, reason: String(input?.reason ?? "") });
}

export async function liftLegalHoldAction(locale: Locale, requestId: string, input: { reason: string }): Promise<LegalHoldActionResult> {
  return runLegalHold(locale, requestId, { hold: false, reason: String(input?.reason ?? "") });
}
