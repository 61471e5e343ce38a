import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { readyDb } from "@/db/ready";
import { getCurrentPolicy, getPolicyVersion, listPolicyVersions, todayIn } from "./get-policy";

/**
 * Everything the public policy page shows: the requested version (or the one in effect), the
 * version in effect today, and the list of versions that have taken effect.
 */
export async function loadPolicyPage(locale: Locale, version?: string) {
  const db = await readyDb();
  const env = getEnv();
  const today = todayIn(env.OPERATOR_TIME_ZONE);
  const fallbackLocale = env.DEFAULT_LOCALE;
  const current = await getCurrentPolicy(db, { locale, fallbackLocale, today });
  const view = version ? await getPolicyVersion(db, { locale, fallbackLocale, version }) : current;
  // A version published ahead of its effective date is not public until that day.
  if (view && view.policy.effectiveOn > today) return { view: null, current, history: [] };
  const history = await listPolicyVersions(db, { today });
  return { view, current, history };
}
