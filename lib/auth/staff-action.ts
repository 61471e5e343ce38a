import { unstable_rethrow } from "next/navigation";
import { z, ZodError } from "zod";
import type { Db } from "@/db/client";
import { isMalformedInputError } from "@/lib/actions/malformed-input";
import { AppError, type AppErrorCode, type ConflictReason } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { errorMessage, log } from "@/lib/log";
import { readyDb } from "@/db/ready";
import { checkStaff, type CurrentStaff } from "./current-staff";
import type { Permission } from "./permissions";

/** A refused staff action, as its form receives it; the form translates it with failureMessageKey. */
export type StaffActionFailure = {
  ok: false;
  error: "unauthorized" | "unexpected" | AppErrorCode;
  reason?: ConflictReason;
  /** Field path → message code ("required", "tooShort:12"), for "invalid". */
  fieldErrors?: Record<string, string>;
  retryAfterMinutes?: number;
};

/** What the action wrapper itself answers: no session, a role without the permission, a surprise. */
export type StaffActionRefused = { ok: false; error: "unauthorized" | "forbidden" | "unexpected" };

export type StaffActionSpec<S extends z.ZodType, T> = {
  /** For the log. */
  name: string;
  /** Who may call it; "signed_in": any signed-in staff member. */
  permission: Permission | "signed_in";
  /** What the browser sent is untrusted: parsed first, a failure answers "invalid" with field errors. */
  schema?: S;
  input?: unknown;
  run: (context: { db: Db; staff: CurrentStaff; input: z.output<S> }) => Promise<T>;
  /** Ids for the log line of an unexpected failure (never personal data). */
  logContext?: Record<string, unknown>;
};

/** The refusal an expected error becomes; a domain's role refusal reads as the sign-in check's. */
export function failureOf(error: AppError): StaffActionFailure {
  return {
    ok: false,
    error: error.code,
    ...(error.reason ? { reason: error.reason } : {}),
    ...(error.code === "invalid" ? { fieldErrors: error.fieldErrors ?? {} } : {}),
    ...(error.retryAfterMinutes !== undefined ? { retryAfterMinutes: error.retryAfterMinutes } : {}),
  };
}

/**
 * The one wrapper for signed-in staff's server actions (the public side's is runPublicAction):
 * the session and the permission first (401/403 with no data in the refusal), then the input
 * through its zod schema, then the domain function with the database and the fresh staff row.
 * Expected refusals (AppError, ZodError) come back as codes the form translates; Next's
 * redirects and other interrupts pass through (unstable_rethrow); anything else is logged and
 * answered "unexpected".
 */
export async function staffAction<S extends z.ZodType = z.ZodUnknown, T = unknown>(spec: StaffActionSpec<S, T> & { refusal?: undefined }): Promise<T | StaffActionFailure>;
/** `refusal`: a form that shows refusals its own way (on a field, with data) maps every expected one here. */
export async function staffAction<S extends z.ZodType, T, F>(spec: StaffActionSpec<S, T> & { refusal: (error: AppError) => F }): Promise<T | F | StaffActionRefused>;
export async function staffAction<S extends z.ZodType, T, F>(
  spec: StaffActionSpec<S, T> & { refusal?: (error: AppError) => F },
): Promise<T | F | StaffActionFailure> {
  const check = await checkStaff(spec.permission === "signed_in" ? undefined : spec.permission);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  try {
    // Without a schema S is z.ZodUnknown: the input goes on as unknown, for the domain function to parse.
    const input: z.output<S> = spec.schema ? spec.schema.parse(spec.input) : (spec.input as z.output<S>);
    return await spec.run({ db: await readyDb(), staff: check.staff, input });
  } catch (caught) {
    unstable_rethrow(caught);
    const error = caught instanceof ZodError ? new AppError("invalid", { fieldErrors: fieldErrorsOf(caught) }) : caught;
    if (error instanceof AppError) return spec.refusal ? spec.refusal(error) : failureOf(error);
    if (isMalformedInputError(error)) log.warn(`action ${spec.name} refused malformed input: ${errorMessage(error)}`);
    else {
      log.error(`action ${spec.name} failed: ${errorMessage(error)}`, {
        ...spec.logContext,
        staffId: check.staff.id,
        stack: error instanceof Error ? error.stack?.split("\n").slice(0, 4).join(" | ") : undefined,
      });
    }
    return { ok: false, error: "unexpected" };
  }
}
