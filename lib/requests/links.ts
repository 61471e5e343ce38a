import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";

/** Absolute links that go out by email; the token is the only secret in them. */
export function statusPageUrl(locale: Locale, token: string): string {
  return new URL(`/${locale}/r/${token}`, getEnv().APP_URL).toString();
}

export function confirmEmailUrl(locale: Locale, linkToken: string): string {
  return new URL(`/${locale}/requests/confirm/${linkToken}`, getEnv().APP_URL).toString();
}
