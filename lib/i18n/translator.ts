import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages } from "./messages";

/** A translator outside React (domain functions, the worker), with the app's typed keys. */
export async function getTranslator(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale) });
}

/** A calendar date and time as the requester reads it, in the operator's time zone. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}
