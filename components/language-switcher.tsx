"use client";

import { usePathname } from "next/navigation";
import { switchLocale } from "@/lib/i18n/locale-path";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/**
 * Links to the same page in each language; the current one is marked for screen readers. Compact
 * (the dashboard's top bar): the language codes, each link still named in its own language.
 * Plain links on Next's own pathname hook: no i18n library in the browser for it (the public
 * pages ship none), and switching loads the page in the new language afresh.
 */
export function LanguageSwitcher({ label, current, compact = false }: { label: string; current: Locale; compact?: boolean }) {
  const pathname = usePathname() ?? `/${current}`;
  return (
    <nav aria-label={label}>
      <ul className={`flex gap-1 text-sm ${compact ? "" : "flex-wrap"}`}>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={switchLocale(pathname, locale)}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={`inline-flex min-h-9 items-center rounded px-2 py-1 ${
                locale === current ? "bg-brand-700 font-semibold text-white" : "text-brand-800 underline hover:bg-brand-50"
              }`}
            >
              {compact ? (
                <>
                  <span aria-hidden="true">{locale.toUpperCase()}</span>
                  <span className="sr-only">{LOCALE_NAMES[locale]}</span>
                </>
              ) : (
                LOCALE_NAMES[locale]
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
