"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { Db } from "@/db/client";
import { checkStaff, type CurrentStaff } from "@/lib/auth/current-staff";
import type { Locale } from "@/lib/env";
import { readUploads, type UploadProblem } from "@/lib/files/upload-rules";
import { errorMessage, log } from "@/lib/log";
import { addInternalNote } from "@/lib/requests/staff/add-internal-note";
import { askRequester } from "@/lib/requests/staff/ask-requester";
import { assignRequest } from "@/lib/requests/staff/assign-request";
import { completeRequest } from "@/lib/requests/staff/complete-request";
import { denyRequest } from "@/lib/requests/staff/deny-request";
import { ConflictError, InvalidInputError, StaffActionError, type ConflictReason } from "@/lib/requests/staff/errors";
import { extendDeadline } from "@/lib/requests/staff/extend-deadline";
import { holdRequest } from "@/lib/requests/staff/hold-request";
import { resumeRequest } from "@/lib/requests/staff/resume-request";
import { startRequest } from "@/lib/requests/staff/start-request";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type StaffActionResult =
  | { ok: true }
  | { ok: false; error: "unauthorized" | "forbidden" | "not_found" | "not_allowed" | "unexpected" }
  | { ok: false; error: "conflict"; reason: ConflictReason }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; fileProblems: UploadProblem[] };

/**
 * Every action on this page: only agents and admins (checked here, and again by the domain
 * function), expected refusals returned as codes the form translates, anything else logged.
 */
async function runStaffAction(name: string, locale: Locale, requestId: string, run: (db: Db, staff: CurrentStaff) => Promise<unknown>): Promise<StaffActionResult> {
  const check = await checkStaff(["agent", "admin"]);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  try {
    await run(await readyDb(), check.staff);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof InvalidInputError) return { ok: false, error: "invalid", fieldErrors: error.fieldErrors, fileProblems: [] };
    if (error instanceof ConflictError) return { ok: false, error: "conflict", reason: error.reason };
    if (error instanceof StaffActionError) return { ok: false, error: error.code === "not_found" ? "not_found" : "not_allowed" };
    log.error(`staff action ${name} failed: ${errorMessage(error)}`, {
      requestId,
      staffId: check.staff.id,
      stack: error instanceof Error ? error.stack?.split("\n").slice(0, 4).join(" | ") : undefined,
    });
    return { ok: false, error: "unexpected" };
  }
  revalidatePath(`/${locale}/dashboard/requests/${requestId}`);
  revalidatePath(`/${locale}/dashboard`);
  return { ok: true };
}

export async function assignAction(locale: Locale, requestId: string, input: { assigneeId: string | null }): Promise<StaffActionResult> {
  return runStaffAction("assign", locale, requestId, (db, staff) => assignRequest(db, { requestId, assigneeId: input.assigneeId }, staff));
}

export async function assignToMeAction(locale: Locale, requestId: string): Promise<StaffActionResult> {
  return runStaffAction("assignToMe", locale, requestId, (db, staff) => assignRequest(db, { requestId, assigneeId: staff.id }, staff));
}

export async function statusAction(locale: Locale, requestId: string, action: "start" | "hold" | "resume"): Promise<StaffActionResult> {
  // The argument comes from the browser: only these three names mean anything.
  const run = action === "start" ? startRequest : action === "hold" ? holdRequest : action === "resume" ? resumeRequest : null;
  if (!run) return { ok: false, error: "unexpected" };
  return runStaffAction(action, locale, requestId, (db, staff) => run(db, { requestId }, staff));
}

export async function askAction(locale: Locale, requestId: string, input: { message: string }): Promise<StaffActionResult> {
  return runStaffAction("askRequester", locale, requestId, (db, staff) => askRequester(db, { requestId, message: input.message }, staff));
}

export async function extendAction(locale: Locale, requestId: string, input: { reason: string }): Promise<StaffActionResult> {
  return runStaffAction("extendDeadline", locale, requestId, (db, staff) => extendDeadline(db, { requestId, reason: input.reason }, staff));
}

export async function denyAction(locale: Locale, requestId: string, input: { reason: string; note: string }): Promise<StaffActionResult> {
  return runStaffAction("deny", locale, requestId, (db, staff) => denyRequest(db, { requestId, reason: input.reason as never, note: input.note }, staff));
}

export async function noteAction(locale: Locale, requestId: string, input: { body: string }): Promise<StaffActionResult> {
  return runStaffAction("addInternalNote", locale, requestId, (db, staff) => addInternalNote(db, { requestId, body: input.body }, staff));
}

/** The note as a text field and the data package as files ("files"). */
export async function completeAction(locale: Locale, requestId: string, formData: FormData): Promise<StaffActionResult> {
  const check = await checkStaff(["agent", "admin"]);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  const uploads = await readUploads(formData.getAll("files"));
  if (!uploads.ok) return { ok: false, error: "invalid", fieldErrors: {}, fileProblems: uploads.problems };
  return runStaffAction("complete", locale, requestId, (db, staff) =>
    completeRequest(db, { requestId, note: String(formData.get("note") ?? ""), files: uploads.files }, staff),
  );
}
