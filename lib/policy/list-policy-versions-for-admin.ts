import { asc, desc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyVersions, staff, type PolicyVersion } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";
import { getEnv } from "@/lib/env";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { todayIn } from "./get-policy";

/** scheduled: takes effect later; current: the text in force today; past: replaced. */
export type PolicyVersionState = "scheduled" | "current" | "past";

export type AdminPolicyVersion = Pick<PolicyVersion, "id" | "locale" | "version" | "title" | "effectiveOn" | "publishedAt"> & {
  publishedByName: string | null;
  state: PolicyVersionState;
};

export type PolicyAdminView = {
  /** Today in the operator's time zone (YYYY-MM-DD). */
  today: string;
  /** Every version per language, newest effective date first. */
  versions: Record<Locale, AdminPolicyVersion[]>;
  /** The text in force per language, to start a new version from. */
  current: Record<Locale, Pick<PolicyVersion, "version" | "title" | "body"> | null>;
};

/**
 * The policy admin page: each language's versions with their state. "Current" is decided as the
 * public page decides it (latest effective date not after today, then latest published).
 */
export async function listPolicyVersionsForAdmin(db: Db, actor: Pick<CurrentStaff, "role">, now = new Date()): Promise<PolicyAdminView> {
  assertCan(actor, "policy.publish");
  const today = todayIn(getEnv().OPERATOR_TIME_ZONE, now);
  const rows = await db
    .select({
      id: policyVersions.id,
      locale: policyVersions.locale,
      version: policyVersions.version,
      title: policyVersions.title,
      body: policyVersions.body,
      effectiveOn: policyVersions.effectiveOn,
      publishedAt: policyVersions.publishedAt,
      publishedByName: staff.name,
    })
    .from(policyVersions)
    // published_by is text: a staff id, or the system's name for the seeded text.
    .leftJoin(staff, sql`${staff.id}::text = ${policyVersions.publishedBy}`)
    .orderBy(asc(policyVersions.locale), desc(policyVersions.effectiveOn), desc(policyVersions.publishedAt));

  const versions = Object.fromEntries(LOCALES.map((locale) => [locale, [] as AdminPolicyVersion[]])) as PolicyAdminView["versions"];
  const current = Object.fromEntries(LOCALES.map((locale) => [locale, null])) as PolicyAdminView["current"];
  for (const { body, ...row } of rows) {
    const locale = row.locale;
    if (!versions[locale]) continue;
    let state: PolicyVersionState = "past";
    if (row.effectiveOn > today) state = "scheduled";
    else if (!current[locale]) {
      state = "current";
      current[locale] = { version: row.version, title: row.title, body };
    }
    versions[locale].push({ ...row, state });
  }
  return { today, versions, current };
}

