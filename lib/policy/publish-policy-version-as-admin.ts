import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyVersions, type PolicyVersion } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";
import { getEnv } from "@/lib/env";
import { todayIn } from "./get-policy";
import { AppError } from "@/lib/errors/app-error";
import { policyVersionFormSchema, type PolicyVersionFormInput } from "./policy-version-form";
import { publishPolicyVersion } from "./publish-policy-version";

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: string }).code === "23505") return true;
  }
  return false;
}

/**
 * An admin publishes one language's text of a policy version from the dashboard. A new version
 * takes effect today or later (a published text must not claim to have applied in the past); the
 * translation of a version that other languages already have takes effect on their day, since a
 * version is one event. Versions are never edited: the same language and version twice is refused.
 */
export async function publishPolicyVersionAsAdmin(db: Db, input: PolicyVersionFormInput, actor: Pick<CurrentStaff, "id" | "role">, now = new Date()): Promise<PolicyVersion> {
  assertCan(actor, "policy.publish");
  const data = policyVersionFormSchema.parse(input);
  const sameVersion = await db.select({ locale: policyVersions.locale, effectiveOn: policyVersions.effectiveOn }).from(policyVersions).where(eq(policyVersions.version, data.version));
  if (sameVersion.some((row) => row.locale === data.locale)) throw new AppError("exists");
  const other = sameVersion[0];
  if (other && other.effectiveOn !== data.effectiveOn) throw new AppError("date_mismatch", { effectiveOn: other.effectiveOn });
  if (!other && data.effectiveOn < todayIn(getEnv().OPERATOR_TIME_ZONE, now)) throw new AppError("in_past");
  try {
    return await publishPolicyVersion(db, data, { type: "staff", id: actor.id });
  } catch (error) {
    // A colleague published the same language and version a moment ago.
    if (isUniqueViolation(error)) throw new AppError("exists");
    throw error;
  }
}
