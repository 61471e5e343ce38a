import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";

/** The set-password link in a staff invitation; the token is the only secret in it. */
export function staffInviteUrl(locale: Locale, token: string): string {
  return new URL(`/${locale}/staff/invite/${token}`, getEnv().APP_URL).toString();
}
