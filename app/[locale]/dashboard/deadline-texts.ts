import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { readHolidayName, ruleSourceKey } from "@/lib/requests/deadlines/deadline-texts";
import { timeLeft, type Urgency } from "@/lib/requests/deadlines/time-left";

/**
 * Deadline data in the reader's language (lib/requests/deadlines/deadline-texts.ts): a rule's legal
 * source, a calendar day's holiday name, a request's channel. Unknown values are shown as stored.
 */
export async function deadlineTexts(locale: Locale, formatDay: (iso: string) => string) {
  const texts = await getTranslations({ locale, namespace: "deadlineTexts" });
  return {
    ruleSource(rule: { id: string; source: string }): string {
      const key = `ruleSources.${ruleSourceKey(rule.id)}` as "ruleSources.kz_access_2026";
      return texts.has(key) ? texts(key) : rule.source;
    },
    holiday(name: string, isoDay: string): string {
      const read = readHolidayName(name, Number(isoDay.slice(0, 4)));
      if (!read.key) return name;
      const title = texts(`holidays.${read.key}`);
      return read.movedFrom ? texts("movedFrom", { holiday: title, date: formatDay(read.movedFrom) }) : title;
    },
    channel(channel: string): string {
      const key = `channels.${channel}` as "channels.web";
      return texts.has(key) ? texts(key) : channel;
    },
  };
}

/** Text colour per urgency (queue cells; the request page's headline): red overdue, amber today, plain otherwise. */
export const URGENCY_CLASSES: Record<Urgency, string> = {
  overdue: "font-semibold text-red-800",
  today: "font-semibold text-amber-900",
  soon: "text-amber-900",
  later: "",
};

/**
 * The one wording of a request's time left ("3 days left", "5 hours overdue"), for the queue and
 * the request page alike (lib/requests/deadlines/time-left.ts reads the clock).
 */
export async function timeLeftTexts(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "dashboard.deadline" });
  return (msLeft: number): { text: string; urgency: Urgency } => {
    const left = timeLeft(msLeft);
    const key = left.overdue ? (left.unit === "days" ? "overdueDays" : "overdueHours") : left.unit === "days" ? "daysLeft" : "hoursLeft";
    return { text: t(key, { count: left.count }), urgency: left.urgency };
  };
}
