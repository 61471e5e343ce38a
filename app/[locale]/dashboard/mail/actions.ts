"use server";

import { revalidatePath } from "next/cache";
import type { Db } from "@/db/client";
import type { InboundStatus } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { failureOf, staffAction, type StaffActionFailure } from "@/lib/auth/staff-action";
import type { Locale } from "@/lib/i18n/locales";
import type { AppError } from "@/lib/errors/app-error";
import { attachInboundEmail } from "@/lib/inbound/attach-inbound-email";
import { dismissInboundEmail } from "@/lib/inbound/dismiss-inbound-email";
import { retryInboundEmail } from "@/lib/inbound/retry-inbound-email";

export type MailActionResult<T = Record<never, never>> = ({ ok: true } & T) | StaffActionFailure;

/** The reference is what the person typed: the error belongs next to that field. */
function refusal(error: AppError): StaffActionFailure {
  if (error.code === "unknown_reference") return { ok: false, error: "invalid", fieldErrors: { reference: "unknownReference" } };
  return failureOf(error);
}

/**
 * Every action on an inbound e-mail: only agents and admins (checked here, and again by the
 * domain function), expected refusals returned as codes the form translates, anything else logged.
 */
async function runMailAction<T extends object>(name: string, locale: Locale, inboundEmailId: string, run: (db: Db, staff: CurrentStaff) => Promise<T>): Promise<MailActionResult<T>> {
  return staffAction({
    name,
    permission: "mail.work",
    logContext: { inboundEmailId },
    refusal,
    run: async ({ db, staff }) => {
      const result = await run(db, staff);
      // The list, this e-mail's page, the nav's count and the request it went to all change.
      revalidatePath(`/${locale}/dashboard`, "layout");
      return { ok: true as const, ...result };
    },
  });
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
