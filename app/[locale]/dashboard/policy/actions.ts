"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { checkStaff } from "@/lib/auth/current-staff";
import { fieldErrorsOf } from "@/lib/auth/run-staff-action";
import { ADMIN_ROLES } from "@/lib/compliance/roles";
import type { Locale } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { PolicyAdminError } from "@/lib/policy/policy-admin-errors";
import type { PolicyVersionFormInput } from "@/lib/policy/policy-version-form";
import { publishPolicyVersionAsAdmin } from "@/lib/policy/publish-policy-version-as-admin";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type PublishPolicyResult =
  | { ok: true; locale: Locale; version: string }
  | { ok: false; error: "unauthorized" | "forbidden" | "unexpected" }
  /** Field → message code; `effectiveOn` is the other languages' date for "mismatch". */
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; effectiveOn?: string };

const FIELD_OF: Record<Exclude<PolicyAdminError["code"], "not_allowed">, [field: string, code: string]> = {
  exists: ["version", "exists"],
  in_past: ["effectiveOn", "inPast"],
  date_mismatch: ["effectiveOn", "mismatch"],
};

/** Admins publish one language's text of a policy version (checked here, and again by the domain function). */
export async function publishPolicyVersionAction(locale: Locale, input: PolicyVersionFormInput): Promise<PublishPolicyResult> {
  const check = await checkStaff(ADMIN_ROLES);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  try {
    const row = await publishPolicyVersionAsAdmin(await readyDb(), input, check.staff);
    revalidatePath(`/${locale}/dashboard/policy`);
    // The public policy pages (every language, every version) are static: render them anew.
    revalidatePath("/[locale]/policy", "page");
    revalidatePath("/[locale]/policy/[version]", "page");
    return { ok: true, locale: row.locale as Locale, version: row.version };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ZodError) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(error) };
    if (error instanceof PolicyAdminError) {
      if (error.code === "not_allowed") return { ok: false, error: "forbidden" };
      const [field, code] = FIELD_OF[error.code];
      return { ok: false, error: "invalid", fieldErrors: { [field]: code }, effectiveOn: error.effectiveOn ?? undefined };
    }
    log.error(`action publishPolicyVersion failed: ${errorMessage(error)}`, { staffId: check.staff.id });
    return { ok: false, error: "unexpected" };
  }
}
