import { getPageTranslations } from "@/lib/i18n/page-translations";
import type { Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/locale-path";
import { getOperator } from "@/lib/operator";
import { Container } from "./container";
import { LanguageSwitcher } from "./language-switcher";

/** The public site's header: plain links (no client code), the language switcher the only script. */
export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getPageTranslations({ locale, namespace: "nav" });
  const operator = getOperator(locale);
  return (
    <header className="border-b border-slate-200 bg-white">
      <Container className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
        <a href={localePath(locale, "/")} className="font-semibold text-ink no-underline">
          <span className="block text-lg leading-tight">{operator.name}</span>
          <span className="block text-sm font-normal text-muted">Privacy Desk</span>
        </a>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label={t("primary")}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              <li>
                <a href={localePath(locale, "/")} className="text-brand-800 underline">
                  {t("home")}
                </a>
              </li>
              <li>
                <a href={localePath(locale, "/policy")} className="text-brand-800 underline">
                  {t("policy")}
                </a>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher label={t("language")} current={locale} />
        </div>
      </Container>
    </header>
  );
}
