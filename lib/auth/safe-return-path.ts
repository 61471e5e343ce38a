import type { Locale } from "@/lib/i18n/locales";

// Tabs, CR/LF and other controls are dropped by the URL parser (turning "/\t/evil" into "//evil"),
// and browsers read a backslash as a slash: a return path carrying any of them is refused outright.
const UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F\\]/;

/**
 * The path to open after sign-in: the callback resolved against the app's own origin with the URL
 * parser, accepted only when it stays on that origin and under the locale's prefix; anything
 * else (another host, `//host`, `/\host`, `javascript:`, a control character, a path outside the
 * locale) falls back to the dashboard. The answer is always a path, never an absolute URL.
 */
export function safeReturnPath(value: string | undefined | null, locale: Locale, appOrigin: string): string {
  const fallback = `/${locale}/dashboard`;
  if (!value || !value.startsWith("/") || value.startsWith("//") || UNSAFE_CHARACTERS.test(value)) return fallback;
  let origin: string;
  let resolved: URL;
  try {
    origin = new URL(appOrigin).origin;
    resolved = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== origin) return fallback;
  if (resolved.pathname !== `/${locale}` && !resolved.pathname.startsWith(`/${locale}/`)) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
