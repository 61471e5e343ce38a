import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getOperator } from "@/lib/operator";
import { Container } from "./container";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const operator = getOperator(locale);
  return (
    <header className="border-b border-slate-200 bg-white">
      <Container className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
        <Link href="/" className="font-semibold text-ink no-underline">
          <span className="block text-lg leading-tight">{operator.name}</span>
          <span className="block text-sm font-normal text-muted">Privacy Desk</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label={t("primary")}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              <li>
                <Link href="/" className="text-brand-800 underline">
                  {t("home")}
                </Link>
              </li>
              <li>
                <Link href="/policy" className="text-brand-800 underline">
                  {t("policy")}
                </Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher label={t("language")} />
        </div>
      </Container>
    </header>
  );
}
