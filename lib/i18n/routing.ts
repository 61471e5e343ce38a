import { defineRouting } from "next-intl/routing";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * Every page lives under its locale (/ru, /kk, /en). The default is Russian; proxy.ts swaps in
 * DEFAULT_LOCALE from the environment. Browser-language detection is off so that the site opens
 * in the operator's default language and changes only when the visitor picks another.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: "ru",
  localePrefix: "always",
  localeDetection: false,
});

export { LOCALE_NAMES } from "@/lib/i18n/locales";
