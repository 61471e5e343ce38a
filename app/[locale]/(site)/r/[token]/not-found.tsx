import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { localePath } from "@/lib/i18n/locale-path";
import type { Locale } from "@/lib/i18n/locales";

/** A wrong, revoked or expired status link (404): say so, and lead to "lost my link". */
export default async function StatusLinkNotFound() {
  const t = await getTranslations("status");
  const locale = (await getLocale()) as Locale;
  return (
    <Container className="py-12">
      <h1 className="text-3xl font-bold">{t("badLink.title")}</h1>
      <p className="mt-3 max-w-2xl">{t("badLink.text")}</p>
      <a href={localePath(locale, "/requests/find")} className={`mt-6 ${buttonClasses()}`}>
        {t("badLink.action")}
      </a>
    </Container>
  );
}
