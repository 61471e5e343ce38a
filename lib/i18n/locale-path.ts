import { isLocale, type Locale } from "./locales";

/** A page's address in a language: "/" is the language's home ("/kk"), "/policy" becomes "/kk/policy". */
export function localePath(locale: Locale, path: string): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** The same address in another language: the first segment is swapped when it is a language, else added. */
export function switchLocale(pathname: string, locale: Locale): string {
  const [, first = "", ...rest] = pathname.split("/");
  const tail = isLocale(first) ? rest : first ? [first, ...rest] : rest;
  return localePath(locale, tail.length > 0 ? `/${tail.join("/")}` : "/");
}
