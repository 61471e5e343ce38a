"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/staff-action";
import type { Locale } from "@/lib/i18n/locales";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Db } from "@/db/client";
import { readUploads } from "@/lib/files/upload-rules";
import { PACKAGE_FIELD } from "./action-fields";
import { answerForm, posted, type ActionFormState, type StaffActionResult } from "./answer-form";
import { addInternalNote } from "@/lib/requests/staff/add-internal-note";
import { askRequester } from "@/lib/requests/staff/ask-requester";
import { assignRequest } from "@/lib/requests/staff/assign-request";
import { completeRequest } from "@/lib/requests/staff/complete-request";
import { denyRequest } from "@/lib/requests/staff/deny-request";
import { denyRequestSchema } from "@/lib/requests/staff/schemas";
import { extendDeadline } from "@/lib/requests/staff/extend-deadline";
import { holdRequest } from "@/lib/requests/staff/hold-request";
import { reopenRequest } from "@/lib/requests/staff/reopen-request";
import { resumeRequest } from "@/lib/requests/staff/resume-request";
import { startRequest } from "@/lib/requests/staff/start-request";
import { isOneOf } from "@/lib/text/is-one-of";

/** The page and the queue change with every action. */
function revalidateRequest(locale: Locale, requestId: string) {
  revalidatePath(`/${locale}/dashboard/requests/${requestId}`);
  revalidatePath(`/${locale}/dashboard`);
}

/**
 * Every action on this page: agents and admins (checked by staffAction, and again by the domain
 * function, which also validates the input).
 */
async function requestAction(name: string, locale: Locale, requestId: string, run: (db: Db, staff: CurrentStaff) => Promise<unknown>): Promise<StaffActionResult> {
  return staffAction({
    name,
    permission: "requests.work",
    logContext: { requestId },
    run: async ({ db, staff }) => {
      await run(db, staff);
      revalidateRequest(locale, requestId);
      return { ok: true as const };
    },
  });
}

export async function assignAction(locale: Locale, requestId: string, input: { assigneeId: string | null }): Promise<StaffActionResult> {
  return requestAction("assign", locale, requestId, (db, staff) => assignRequest(db, { requestId, assigneeId: input.assigneeId }, staff));
}

export async function assignToMeAction(locale: Locale, requestId: string): Promise<StaffActionResult> {
  return requestAction("assignToMe", locale, requestId, (db, staff) => assignRequest(db, { requestId, assigneeId: staff.id }, staff));
}

/** The moves with nothing to fill in; reopen takes up a declined request the requester contested. */
const STATUS_ACTIONS = { start: startRequest, hold: holdRequest, resume: resumeRequest, reopen: reopenRequest };
export type StatusMoveName = keyof typeof STATUS_ACTIONS;

export async function statusAction(locale: Locale, requestId: string, action: StatusMoveName): Promise<StaffActionResult> {
  // The argument comes from the browser: only these names mean anything.
  const run = Object.hasOwn(STATUS_ACTIONS, action) ? STATUS_ACTIONS[action] : null;
  if (!run) return { ok: false, error: "unexpected" };
  return requestAction(action, locale, requestId, (db, staff) => run(db, { requestId }, staff));
}

async function askAction(locale: Locale, requestId: string, input: { message: string }): Promise<StaffActionResult> {
  return requestAction("askRequester", locale, requestId, (db, staff) => askRequester(db, { requestId, message: input.message }, staff));
}

async function extendAction(locale: Locale, requestId: string, input: { reason: string }): Promise<StaffActionResult> {
  return requestAction("extendDeadline", locale, requestId, (db, staff) => extendDeadline(db, { requestId, reason: input.reason }, staff));
}

async function denyAction(locale: Locale, requestId: string, input: { reason: string; note: string }): Promise<StaffActionResult> {
  return staffAction({
    name: "deny",
    permission: "requests.work",
    // The reason comes from the browser: the schema checks it against the list of denial reasons.
    schema: denyRequestSchema,
    input: { requestId, reason: input?.reason, note: input?.note },
    logContext: { requestId },
    run: async ({ db, staff, input: data }) => {
      await denyRequest(db, data, staff);
      revalidateRequest(locale, requestId);
      return { ok: true as const };
    },
  });
}

async function noteAction(locale: Locale, requestId: string, input: { body: string }): Promise<StaffActionResult> {
  return requestAction("addInternalNote", locale, requestId, (db, staff) => addInternalNote(db, { requestId, body: input.body }, staff));
}

/** The note as a text field and the data package as files. */
async function completeAction(locale: Locale, requestId: string, formData: FormData): Promise<StaffActionResult> {
  return staffAction({
    name: "complete",
    permission: "requests.work",
    logContext: { requestId },
    run: async ({ db, staff }): Promise<StaffActionResult> => {
      // A data package: also JSON, CSV or ZIP, checked by content like every upload.
      const uploads = await readUploads(formData.getAll(PACKAGE_FIELD), "data_package");
      if (!uploads.ok) return { ok: false, error: "invalid", fieldErrors: {}, fileProblems: uploads.problems };
      await completeRequest(db, { requestId, note: String(formData.get("note") ?? ""), files: uploads.files }, staff);
      revalidateRequest(locale, requestId);
      return { ok: true };
    },
  });
}

export async function askFormAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return answerForm(formData, "ask_requester", ["message"], (locale, requestId, { message }) => askAction(locale, requestId, { message: message ?? "" }));
}

export async function extendFormAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return answerForm(formData, "extend_deadline", ["reason"], (locale, requestId, { reason }) => extendAction(locale, requestId, { reason: reason ?? "" }));
}

export async function denyFormAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return answerForm(formData, "deny", ["reason", "note"], (locale, requestId, { reason, note }) => denyAction(locale, requestId, { reason: reason ?? "", note: note ?? "" }));
}

/** Files cannot come back in a page: a refused post keeps the note only. */
export async function completeFormAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return answerForm(formData, "complete", ["note"], (locale, requestId) => completeAction(locale, requestId, formData));
}

/** An internal note (the composer's second tab; never on an action page). */
export async function noteFormAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return answerForm(formData, null, ["body"], (locale, requestId, { body }) => noteAction(locale, requestId, { body: body ?? "" }));
}

const MOVES = Object.keys(STATUS_ACTIONS) as StatusMoveName[];

/** A move with nothing to fill in (start, hold, resume, reopen), as its action page posts it. */
export async function statusFormAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const move = posted(formData, "move");
  if (!isOneOf(MOVES, move)) return { ok: false, error: "unexpected", values: {} };
  return answerForm(formData, move, [], (locale, requestId) => statusAction(locale, requestId, move));
}
