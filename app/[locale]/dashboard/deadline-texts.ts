import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { readHolidayName, ruleSourceKey } from "@/lib/requests/deadlines/deadline-texts";

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
