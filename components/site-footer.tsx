import { getPageTranslations } from "@/lib/i18n/page-translations";
import type { Locale } from "@/lib/i18n/locales";
import { getOperator } from "@/lib/operator";
import { Container } from "./container";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getPageTranslations({ locale, namespace: "footer" });
  const operator = getOperator(locale);
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white py-6 text-sm text-muted">
      <Container className="flex flex-col gap-1">
        <p>{t("operator", { operator: operator.name })}</p>
        <p>
          {t.rich("contact", {
            email: operator.supportEmail,
            link: (chunks) => (
              <a className="text-brand-800 underline" href={`mailto:${operator.supportEmail}`}>
                {chunks}
              </a>
            ),
          })}
        </p>
        <p>{t("poweredBy")}</p>
      </Container>
    </footer>
  );
}
