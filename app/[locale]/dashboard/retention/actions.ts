"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/staff-action";
import type { Locale } from "@/lib/i18n/locales";
import type { AppError } from "@/lib/errors/app-error";
import { updateRetentionPolicy } from "@/lib/retention/retention-policy";
import type { RetentionPolicyInput } from "@/lib/retention/retention-schemas";

export type RetentionActionResult =
  | { ok: true }
  | { ok: false; error: "unauthorized" | "forbidden" | "unexpected" }
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string> };

function refusal(error: AppError): Exclude<RetentionActionResult, { ok: true }> {
  if (error.code === "invalid") return { ok: false, error: "invalid", fieldErrors: error.fieldErrors ?? {} };
  return { ok: false, error: error.code === "forbidden" ? "forbidden" : "unexpected" };
}

/** Admins change the retention period (checked here, and again by the domain function). */
export async function updateRetentionPolicyAction(locale: Locale, input: RetentionPolicyInput): Promise<RetentionActionResult> {
  return staffAction({
    name: "updateRetentionPolicy",
    permission: "retention.manage",
    refusal,
    run: async ({ db, staff }) => {
      await updateRetentionPolicy(db, input, staff);
      revalidatePath(`/${locale}/dashboard/retention`);
      return { ok: true as const };
    },
  });
}
