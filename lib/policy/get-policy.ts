import { and, asc, desc, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyVersions, type PolicyVersion } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

export type PolicyView = {
  policy: PolicyVersion;
  /** True when the text is shown in another language because this one has no translation. */
  isFallback: boolean;
};

/** Today's date (YYYY-MM-DD) in the operator's time zone: what "in effect" is judged against. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

async function latestInEffect(db: Db, locale: Locale, today: string): Promise<PolicyVersion | undefined> {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.locale, locale), lte(policyVersions.effectiveOn, today)))
    .orderBy(desc(policyVersions.effectiveOn), desc(policyVersions.publishedAt))
    .limit(1);
  return row;
}

/** The version in effect today in the visitor's language, or in the default language if none. */
export async function getCurrentPolicy(
  db: Db,
  { locale, fallbackLocale, today }: { locale: Locale; fallbackLocale: Locale; today: string },
): Promise<PolicyView | null> {
  const own = await latestInEffect(db, locale, today);
  if (own) return { policy: own, isFallback: false };
  const fallback = locale === fallbackLocale ? undefined : await latestInEffect(db, fallbackLocale, today);
  return fallback ? { policy: fallback, isFallback: true } : null;
}

export async function getPolicyVersion(
  db: Db,
  { locale, fallbackLocale, version }: { locale: Locale; fallbackLocale: Locale; version: string },
): Promise<PolicyView | null> {
  for (const candidate of locale === fallbackLocale ? [locale] : [locale, fallbackLocale]) {
    const [row] = await db
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.locale, candidate), eq(policyVersions.version, version)))
      .limit(1);
    if (row) return { policy: row, isFallback: candidate !== locale };
  }
  return null;
}

export type PolicyHistoryItem = Pick<PolicyVersion, "version" | "effectiveOn">;

/** Every version that has taken effect, newest first, in any language (a version is one event). */
export async function listPolicyVersions(db: Db, { today }: { today: string }): Promise<PolicyHistoryItem[]> {
  const rows = await db
    .selectDistinct({ version: policyVersions.version, effectiveOn: policyVersions.effectiveOn })
    .from(policyVersions)
    .where(lte(policyVersions.effectiveOn, today))
    .orderBy(desc(policyVersions.effectiveOn), asc(policyVersions.version));
  return rows;
}
