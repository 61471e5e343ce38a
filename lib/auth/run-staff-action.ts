import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { StaffRole } from "@/db/schema";
import { isMalformedInputError } from "@/lib/actions/malformed-input";
import { errorMessage, log } from "@/lib/log";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { checkStaff, type CurrentStaff } from "./current-staff";
import { StaffAdminError, type StaffAdminErrorCode } from "./staff-admin";

export type StaffActionFailure = {
  ok: false;
  error: "unauthorized" | "invalid" | "unexpected" | StaffAdminErrorCode;
  /** Field path → message code ("required", "tooShort:12"), for "invalid". */
  fieldErrors?: Record<string, string>;
  retryAfterMinutes?: number;
};

/** The first message of each field, by dotted path; errors without a path go under "form". */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
  return fields;
}

/**
 * The one wrapper for signed-in staff's server actions: checkStaff first (401/403 with no data
 * in the refusal), then the domain function with the database and the fresh staff row. Typed
 * refusals (StaffAdminError) and validation errors (ZodError) come back as codes the form
 * translates; anything else is logged and answered "unexpected". Next's redirects pass through.
 */
export async function runStaffAction<T>(
  name: string,
  roles: readonly StaffRole[] | undefined,
  run: (context: { db: Db; staff: CurrentStaff }) => Promise<T>,
): Promise<T | StaffActionFailure> {
  try {
    const check = await checkStaff(roles);
    if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
    return await run({ db: await readyDb(), staff: check.staff });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof StaffAdminError) return { ok: false, error: error.code, retryAfterMinutes: error.retryAfterMinutes };
    if (error instanceof ZodError) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(error) };
    if (isMalformedInputError(error)) log.warn(`action ${name} refused malformed input: ${errorMessage(error)}`);
    else log.error(`action ${name} failed: ${errorMessage(error)}`);
    return { ok: false, error: "unexpected" };
  }
}
