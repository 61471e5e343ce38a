import { createFormatter, createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "./messages";

/**
 * Translators and a date formatter for server components, kept per language (and namespace) for
 * the life of the process. next-intl's getTranslations and getFormatter build theirs per request,
 * so a page rendered per request (the status page, and the site's frame around it) parsed every
 * message it showed and built its Intl formatters again on each render (~1.5 ms of a status page).
 * These are configured as lib/i18n/request.ts configures next-intl (the merged catalogue, the
 * operator's time zone, next-intl's own error handling and fallbacks), so they word every message
 * exactly as getTranslations does (page-translations.test.ts). The catalogues are fixed at build
 * time, so what is kept never goes stale.
 */

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

function newTranslator<N extends Namespace>(locale: Locale, messages: Messages, namespace: N) {
  return createTranslator<Messages, N>({ locale, messages, namespace, timeZone: getEnv().OPERATOR_TIME_ZONE });
}

/** What getPageTranslations answers: a translator of one namespace, with the catalogue's typed keys. */
export type PageTranslator<N extends Namespace> = ReturnType<typeof newTranslator<N>>;

const translators = new Map<string, unknown>();

/** A translator of `namespace` in `locale`, the same one for every request. */
export async function getPageTranslations<N extends Namespace>({ locale, namespace }: { locale: Locale; namespace: N }): Promise<PageTranslator<N>> {
  const key = `${locale} ${namespace} ${getEnv().OPERATOR_TIME_ZONE}`;
  let translator = translators.get(key) as PageTranslator<N> | undefined;
  if (!translator) {
    translator = newTranslator(locale, await loadMessages(locale), namespace);
    translators.set(key, translator);
  }
  return translator;
}

function newFormatter(locale: Locale) {
  return createFormatter({ locale, timeZone: getEnv().OPERATOR_TIME_ZONE });
}

/** Dates and numbers of a page. It keeps its Intl formatters; it has no "now", so it is not for relative times. */
export type PageFormatter = Pick<ReturnType<typeof newFormatter>, "dateTime" | "number" | "list">;

const formatters = new Map<string, PageFormatter>();

/** A formatter for `locale` in the operator's time zone, the same one for every request. */
export function getPageFormatter(locale: Locale): PageFormatter {
  const key = `${locale} ${getEnv().OPERATOR_TIME_ZONE}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = newFormatter(locale)));
  return formatter;
}
