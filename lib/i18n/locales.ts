/** The languages of every page, e-mail and catalogue (lib/i18n/messages/<locale>/). No imports: db/schema and the browser use it. */
export const LOCALES = ["ru", "kk", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Each language's own name (the language switcher, the staff's language lists). */
export const LOCALE_NAMES: Record<Locale, string> = {
  ru: "Русский",
  kk: "Қазақша",
  en: "English",
};
