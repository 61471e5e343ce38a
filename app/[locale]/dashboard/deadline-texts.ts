import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { readHolidayName, ruleSourceKey } from "@/lib/requests/deadlines/deadline-texts";
import { timeLeft, timeLeftMessage, type Urgency } from "@/lib/requests/deadlines/time-left";

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
 * A request's time left in the reader's language ("3 days left", "2 working days left", "5 hours
 * overdue"), for the queue and the request page alike: lib/requests/deadlines/time-left.ts reads
 * the clock and chooses the wording; this only looks the message up.
 */
export async function timeLeftTexts(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "dashboard.deadline" });
  return (msLeft: number, workingDays: number | null = null): { text: string; urgency: Urgency } => {
    const left = timeLeft(msLeft, workingDays);
    const { key, count } = timeLeftMessage(left);
    return { text: t(key, { count }), urgency: left.urgency };
  };
}
