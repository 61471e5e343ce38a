import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";

export type Operator = { name: string; supportEmail: string; timeZone: string; defaultJurisdiction: string };

/** The operator's public details, with its name in the visitor's language. */
export function getOperator(locale: Locale): Operator {
  const env = getEnv();
  const names: Record<Locale, string> = { ru: env.OPERATOR_NAME, kk: env.OPERATOR_NAME_KK, en: env.OPERATOR_NAME_EN };
  return {
    name: names[locale],
    supportEmail: env.OPERATOR_SUPPORT_EMAIL,
    timeZone: env.OPERATOR_TIME_ZONE,
    defaultJurisdiction: env.DEFAULT_JURISDICTION,
  };
}
