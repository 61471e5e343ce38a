import { getFormatter, getTranslations } from "next-intl/server";
import { DEADLINE_UNITS, REQUEST_STATUSES, STAFF_ROLES } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { isOneOf } from "@/lib/text/is-one-of";

/**
 * The words and formats every part of the request page shares: statuses, periods, staff names
 * with their role, and dates (long, in the page's language and the operator's time zone, which
 * lib/i18n/request.ts sets for every formatter). Values not in a list are shown as stored.
 */
export async function requestPageTexts(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const roles = await getTranslations({ locale, namespace: "staff.roles" });
  const format = await getFormatter({ locale });
  return {
    t,
    isOneOf,
    when: (date: Date | string) => format.dateTime(new Date(date), { dateStyle: "long", timeStyle: "short" }),
    statusName: (value: unknown) => (isOneOf(REQUEST_STATUSES, value) ? statuses(value) : String(value)),
    period: (amount: number, unit: string) => (isOneOf(DEADLINE_UNITS, unit) ? t(`deadline.units.${unit}`, { count: amount }) : `${amount} ${unit}`),
    staffLabel: (s: { name: string; role: string }) => `${s.name} (${isOneOf(STAFF_ROLES, s.role) ? roles(s.role) : s.role})`,
  };
}

export type RequestPageTexts = Awaited<ReturnType<typeof requestPageTexts>>;
