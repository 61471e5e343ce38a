"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/auth/staff-action";
import type { Locale } from "@/lib/i18n/locales";
import type { AppError, AppErrorCode } from "@/lib/errors/app-error";
import type { PolicyVersionFormInput } from "@/lib/policy/policy-version-form";
import { publishPolicyVersionAsAdmin } from "@/lib/policy/publish-policy-version-as-admin";

export type PublishPolicyResult =
  | { ok: true; locale: Locale; version: string }
  | { ok: false; error: "unauthorized" | "forbidden" | "unexpected" }
  /** Field → message code; `effectiveOn` is the other languages' date for "mismatch". */
  | { ok: false; error: "invalid"; fieldErrors: Record<string, string>; effectiveOn?: string };

/** The publishing refusals the form shows next to a field. */
const FIELD_OF: Partial<Record<AppErrorCode, [field: string, code: string]>> = {
  exists: ["version", "exists"],
  in_past: ["effectiveOn", "inPast"],
  date_mismatch: ["effectiveOn", "mismatch"],
};

function refusal(error: AppError): Exclude<PublishPolicyResult, { ok: true }> {
  if (error.code === "invalid") return { ok: false, error: "invalid", fieldErrors: error.fieldErrors ?? {} };
  if (error.code === "forbidden") return { ok: false, error: "forbidden" };
  const onField = FIELD_OF[error.code];
  if (!onField) return { ok: false, error: "unexpected" };
  return { ok: false, error: "invalid", fieldErrors: { [onField[0]]: onField[1] }, effectiveOn: error.effectiveOn };
}

/** Admins publish one language's text of a policy version (checked here, and again by the domain function). */
export async function publishPolicyVersionAction(locale: Locale, input: PolicyVersionFormInput): Promise<PublishPolicyResult> {
  return staffAction({
    name: "publishPolicyVersion",
    permission: "policy.publish",
    refusal,
    run: async ({ db, staff }): Promise<PublishPolicyResult> => {
      const row = await publishPolicyVersionAsAdmin(db, input, staff);
      revalidatePath(`/${locale}/dashboard/policy`);
      // The public policy pages (every language, every version) are static: render them anew. A
      // route pattern names its route group too.
      revalidatePath("/[locale]/(site)/policy", "page");
      revalidatePath("/[locale]/(site)/policy/[version]", "page");
      return { ok: true, locale: row.locale, version: row.version };
    },
  });
}
