"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { Db } from "@/db/client";
import type { InboundStatus } from "@/db/schema";
import { checkStaff, type CurrentStaff } from "@/lib/auth/current-staff";
import type { Locale } from "@/lib/env";
import { attachInboundEmail } from "@/lib/inbound/attach-inbound-email";
import { dismissInboundEmail } from "@/lib/inbound/dismiss-inbound-email";
import { InboundMailError, type InboundErrorCode } from "@/lib/inbound/inbound-staff-errors";
import { MAIL_WORKER_ROLES } from "@/lib/inbound/inbound-staff-schemas";
import { retryInboundEmail } from "@/lib/inbound/retry-inbound-email";
import { errorMessage, log } from "@/lib/log";
import { InvalidInputError, NotAllowedError } from "@/lib/requests/staff/errors";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type MailActionResult<T = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; error: "unauthorized" | "forbidden" | "not_allowed" | "unexpected" | Exclude<InboundErrorCode, "unknown_reference"> }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> };

/**
 * Every action on an inbound e-mail: only agents and admins (checked here, and again by the
 * domain function), expected refusals returned as codes the form translates, anything else logged.
 */
async function runMailAction<T extends object>(name: string, locale: Locale, inboundEmailId: string, run: (db: Db, staff: CurrentStaff) => Promise<T>): Promise<MailActionResult<T>> {
  const check = await checkStaff(MAIL_WORKER_ROLES);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  let result: T;
  try {
    result = await run(await readyDb(), check.staff);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof InvalidInputError) return { ok: false, error: "invalid", fieldErrors: error.fieldErrors };
    // The reference is what the person typed: the error belongs next to that field.
    if (error instanceof InboundMailError && error.code === "unknown_reference") return { ok: false, error: "invalid", fieldErrors: { reference: "unknownReference" } };
    if (error instanceof InboundMailError) return { ok: false, error: error.code as Exclude<InboundErrorCode, "unknown_reference"> };
    if (error instanceof NotAllowedError) return { ok: false, error: "not_allowed" };
    log.error(`mail action ${name} failed: ${errorMessage(error)}`, { inboundEmailId, staffId: check.staff.id });
    return { ok: false, error: "unexpected" };
  }
  // The list, this e-mail's page, the nav's count and the request it went to all change.
  revalidatePath(`/${locale}/dashboard`, "layout");
  return { ok: true, ...result };
}

export async function attachAction(locale: Locale, inboundEmailId: string, input: { reference: string; note: string }): Promise<MailActionResult<{ reference: string }>> {
  return runMailAction("attachInboundEmail", locale, inboundEmailId, async (db, staff) => {
    const attached = await attachInboundEmail(db, { inboundEmailId, reference: input.reference, note: input.note }, staff);
    return { reference: attached.reference };
  });
}

export async function dismissAction(locale: Locale, inboundEmailId: string, input: { reason: string }): Promise<MailActionResult> {
  return runMailAction("dismissInboundEmail", locale, inboundEmailId, async (db, staff) => {
    await dismissInboundEmail(db, { inboundEmailId, reason: input.reason }, staff);
    return {};
  });
}

export async function retryAction(locale: Locale, inboundEmailId: string): Promise<MailActionResult<{ status: InboundStatus }>> {
  return runMailAction("retryInboundEmail", locale, inboundEmailId, async (db, staff) => ({ status: await retryInboundEmail(db, { inboundEmailId }, staff) }));
}
