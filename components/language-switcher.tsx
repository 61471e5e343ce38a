"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { LOCALE_NAMES, routing } from "@/lib/i18n/routing";

/**
 * Links to the same page in each language; the current one is marked for screen readers. Compact
 * (the dashboard's top bar): the language codes, each link still named in its own language.
 */
export function LanguageSwitcher({ label, compact = false }: { label: string; compact?: boolean }) {
  const pathname = usePathname();
  const current = useLocale();
  return (
    <nav aria-label={label}>
      <ul className={`flex gap-1 text-sm ${compact ? "" : "flex-wrap"}`}>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
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
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
