import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "./messages";

// Typed message keys and locales for next-intl: a missing key is a type error.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
