"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { checkStaff } from "@/lib/auth/current-staff";
import { fieldErrorsOf } from "@/lib/auth/run-staff-action";
import { ADMIN_ROLES } from "@/lib/compliance/roles";
import type { Locale } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { RetentionError } from "@/lib/retention/errors";
import { updateRetentionPolicy } from "@/lib/retention/retention-policy";
import type { RetentionPolicyInput } from "@/lib/retention/retention-schemas";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type RetentionActionResult =
  | { ok: true }
  | { ok: false; error: "unauthorized" | "forbidden" | "unexpected" }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> };

/** Admins change the retention period (checked here, and again by the domain function). */
export async function updateRetentionPolicyAction(locale: Locale, input: RetentionPolicyInput): Promise<RetentionActionResult> {
  const check = await checkStaff(ADMIN_ROLES);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  try {
    await updateRetentionPolicy(await readyDb(), input, check.staff);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ZodError) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(error) };
    if (error instanceof RetentionError) return { ok: false, error: "forbidden" };
    log.error(`action updateRetentionPolicy failed: ${errorMessage(error)}`, { staffId: check.staff.id });
    return { ok: false, error: "unexpected" };
  }
  revalidatePath(`/${locale}/dashboard/retention`);
  return { ok: true };
}
